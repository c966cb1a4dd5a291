package org.ganbook.io;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.LoggerFactory;

/**
 * A small TorchScript module shipped in the jar (no weights, only code that calls a libtorch kernel
 * DJL's Java API does not reach), loaded once, on first use, on the PyTorch engine only.
 */
public final class BundledModule {

    private final Class<?> owner;
    private final String resource;
    private final String fallback;
    private PtSymbolBlock module;
    private boolean loaded;

    /**
     * @param owner the class next to which the resource lies
     * @param resource the module's file name
     * @param fallback what is used instead when it does not load, for the warning
     */
    public BundledModule(Class<?> owner, String resource, String fallback) {
        this.owner = owner;
        this.resource = resource;
        this.fallback = fallback;
    }

    /** Returns the module; {@code null} if the engine is not PyTorch or it cannot load (warned once). */
    public synchronized PtSymbolBlock get() {
        if (!loaded) {
            loaded = true;
            module = load();
        }
        return module;
    }

    private PtSymbolBlock load() {
        if (!"PyTorch".equals(Engine.getDefaultEngineName())) {
            return null;
        }
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            // a manager of its own that lives as long as the class: the module holds no tensors
            PtNDManager manager = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
            return JniUtils.loadModule(manager, in, false, false);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(owner).warn("{} did not load ({}); using {}", resource, e.toString(), fallback);
            return null;
        }
    }
}
