package org.ganbook.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Estimates of the memory a run needs, checked against what the machine has before anything is
 * allocated, so that a model or a data set that cannot fit is refused with both numbers instead of
 * failing in the engine (or the operating system killing the process).
 *
 * <p>The model estimate counts, for G and D, every weight four times (the weight, its gradient, and
 * Adam's two moments) plus the activations of a batch of real and fake samples kept for the backward
 * pass; the data set estimate counts the image bytes twice (the buffer being read and its copy).
 * They are rough (within a small factor) but never miss a model that is thousands of times too big.
 */
final class Resources {

    /** Memory the machine offers: native memory available now, and the Java heap's maximum. */
    record Limits(long availableBytes, long maxHeapBytes) {}

    /** Where the limits come from; tests put a tiny machine here instead of allocating gigabytes. */
    static Supplier<Limits> machine = Resources::measure;

    private static final double MB = 1024.0 * 1024.0;

    private Resources() {}

    /**
     * Refuses a model that does not fit in memory.
     *
     * @throws UserException with the estimate and the limit
     */
    static void checkModel(RunConfig config) {
        long parameters = parameters(config);
        long activations = activations(config);
        long nativeBytes = 4 * 4 * parameters + 4L * 2 * config.batchSize * activations;
        long heapBytes = 2 * 4 * parameters; // a checkpoint's values pass through the Java heap
        Limits limits = machine.get();
        String what = String.format(Locale.ROOT, "the %s model needs about %s (%,d parameters: weights, gradients"
                + " and Adam's two moments; activations of a batch of %d)", config.model, size(nativeBytes),
                parameters, config.batchSize);
        if (nativeBytes > limits.availableBytes()) {
            throw new UserException(what + ", more than the " + size(limits.availableBytes())
                    + " of memory available; use a smaller --hidden, --channels or --batch-size");
        }
        if (heapBytes > limits.maxHeapBytes()) {
            throw new UserException(what + "; saving it needs " + size(heapBytes) + " of Java heap, more than the "
                    + size(limits.maxHeapBytes()) + " allowed (raise it with GANBOOK_JAVA_OPTS=-Xmx...)"
                    + " or use a smaller model");
        }
    }

    /**
     * Refuses images that do not fit in the Java heap, from their header alone.
     *
     * @param file the images file, named in the message
     * @param dims number of images, rows, cols
     * @throws UserException with the estimate and the limit
     */
    static void checkImages(Path file, int[] dims) {
        long bytes = 2L * dims[0] * dims[1] * dims[2];
        Limits limits = machine.get();
        if (bytes > limits.maxHeapBytes() / 2) {
            throw new UserException(String.format(Locale.ROOT, "%s: %,d images of %d×%d need about %s to read, more"
                    + " than half the %s of Java heap allowed; raise it with GANBOOK_JAVA_OPTS=-Xmx... or use"
                    + " fewer images", file, dims[0], dims[1], dims[2], size(bytes), size(limits.maxHeapBytes())));
        }
    }

    /** The number of weights of G and D together. */
    static long parameters(RunConfig c) {
        long sample = sampleSize(c);
        if (c.model.cycle()) {
            return cycleParameters(c, sample);
        }
        int classes = c.model.conditional() ? (c.labelEmbedding > 0 ? c.labelEmbedding : c.numClasses) : 0;
        long embedding = c.model.conditional() && c.labelEmbedding > 0 ? 2L * c.numClasses * c.labelEmbedding : 0;
        if (c.model == RunConfig.Model.MLP || c.model == RunConfig.Model.CONDITIONAL_MLP) {
            long total = embedding;
            long in = c.codingSize + classes;
            for (int width : c.hidden) {
                total += (in + 1) * width;
                in = width;
            }
            total += (in + 1) * sample;
            in = sample * Math.max(1, c.packing) + classes;
            for (int width : c.discriminatorWidths()) {
                total += (in + 1) * width;
                in = width;
            }
            return total + in + 1;
        }
        long ch = c.channels;
        long side = c.sampleShape.length == 3 ? c.sampleShape[1] : 1;
        long image = c.sampleShape.length == 3 ? c.sampleShape[0] : 1;
        long quarter = Math.max(1, side / 4) * Math.max(1, side / 4);
        long generator = (c.codingSize + classes + 1) * 4 * ch * quarter + 16 * (4 * ch * 2 * ch + 2 * ch * ch + ch * image);
        long discriminator = 16 * ((image + classes) * ch + ch * 2 * ch + 2 * ch * 4 * ch) + 4 * ch * quarter + 1;
        return embedding + generator + discriminator;
    }

    /** CycleGAN's four networks: two translators and two fully connected discriminators. */
    private static long cycleParameters(RunConfig c, long sample) {
        long discriminator = 0;
        long in = sample;
        for (int width : c.hidden) {
            discriminator += (in + 1) * width;
            in = width;
        }
        discriminator += in + 1;
        long translator = c.isImages() ? 9 * (c.sampleShape[0] + 1) * c.channels + 9 * (c.channels + 1) * c.sampleShape[0]
                : discriminator - (in + 1) + (in + 1) * sample;
        return 2 * translator + 2 * discriminator;
    }

    /** The values one sample leaves in the networks' layers (G and D), kept for the backward pass. */
    static long activations(RunConfig c) {
        long sample = sampleSize(c);
        if (c.model.cycle()) {
            long widths = 0;
            for (int width : c.hidden) {
                widths += width;
            }
            long translator = c.isImages() ? (c.channels + c.sampleShape[0]) * sample / c.sampleShape[0] : widths + sample;
            return 3 * (4 * translator + 4 * widths + 4 * sample); // G, F and the cycle's second pass through each
        }
        if (c.model == RunConfig.Model.MLP || c.model == RunConfig.Model.CONDITIONAL_MLP) {
            long widths = 0;
            for (int width : c.hidden) {
                widths += width;
            }
            for (int width : c.discriminatorWidths()) {
                widths += width;
            }
            return 3 * (widths + 2 * sample);
        }
        long ch = c.channels;
        long side = c.sampleShape.length == 3 ? c.sampleShape[1] : 1;
        long perNetwork = ch * side * side + 2 * ch * (side / 2) * (side / 2) + 4 * ch * (side / 4) * (side / 4);
        return 3 * (2 * perNetwork + 2 * sample);
    }

    private static long sampleSize(RunConfig c) {
        long size = 1;
        for (long dim : c.sampleShape) {
            size *= dim;
        }
        return size;
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / MB / 1024)
                : String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }

    /** MemAvailable from /proc/meminfo (Linux), else the physical memory free; and the Java heap's maximum. */
    static Limits measure() {
        long available = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    available = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            available = -1;
        }
        if (available < 0 && ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            available = os.getFreeMemorySize();
        }
        return new Limits(available > 0 ? available : Long.MAX_VALUE, Runtime.getRuntime().maxMemory());
    }
}
