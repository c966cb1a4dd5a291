package org.ganbook.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import picocli.CommandLine.Option;

/** Options of every command that trains: how progress is shown and how many threads PyTorch uses. */
final class SessionOptions {

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none", order = 90,
            description = "Progress display: a bar that updates in place on a terminal, plain lines at every"
                    + " tenth of the run otherwise (auto, the default), or none.")
    TerminalProgress.Mode progress;

    @Option(names = "--threads", paramLabel = "N", order = 91,
            description = "Threads PyTorch uses for each operation (default: 1 for 2-D points, whose small"
                    + " matrices gain nothing from more; one per physical core for the DCGANs; for the other"
                    + " image models one per physical core, or 1 on a machine with two cores or fewer, where"
                    + " two lost to one). OMP_NUM_THREADS, when set, replaces the default.")
    Integer threads;

    /**
     * Applies --threads, or else (when OMP_NUM_THREADS is not set) the default for the model and data; must
     * run before the engine starts.
     *
     * @param pointData whether the run trains on 2-D points generated in code
     * @param convolutional whether the networks are convolutional (the DCGANs)
     */
    void applyThreads(boolean pointData, boolean convolutional) {
        if (threads != null && threads < 1) {
            throw new UserException("--threads must be positive, got " + threads);
        }
        Integer chosen = threads;
        if (chosen == null && System.getenv("OMP_NUM_THREADS") == null) {
            chosen = defaultThreads(pointData, convolutional, physicalCores());
        }
        if (chosen != null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(chosen));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * The default thread count. On a quiet 2-core machine a second thread made the DCGAN iterations 1.2 times
     * as fast and cost about 15 % beside a competing process, while the MLP GANs' small matrices ran several
     * times slower on two threads than on one ({@code src/bench/README.md}, "Channels-last feature maps in the
     * DCGAN generator").
     *
     * @param pointData whether the data are 2-D points
     * @param convolutional whether the networks are convolutional
     * @param cores the physical cores this process may use
     * @return 1 for points; every core for convolutional networks; every core above two for the rest
     */
    static int defaultThreads(boolean pointData, boolean convolutional, int cores) {
        if (pointData) {
            return 1;
        }
        if (convolutional) {
            return cores;
        }
        return cores > 2 ? cores : 1;
    }

    /** One line for the run's header: how many threads PyTorch runs on (starts the engine). */
    static String threadLine() {
        Engine.getEngine("PyTorch"); // loads libtorch, which applies the thread properties
        int n = JniUtils.getNumThreads();
        return "PyTorch on " + n + " thread" + (n == 1 ? "" : "s") + " (--threads N changes it)";
    }

    /** The physical cores the launcher counted ({@code ganbook.physicalCores}), else the CPUs Java may use. */
    private static int physicalCores() {
        Integer cores = Integer.getInteger("ganbook.physicalCores");
        return cores != null && cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
    }
}
