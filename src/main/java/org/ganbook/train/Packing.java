package org.ganbook.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * PacGAN's packing (Lin, Khetan, Fanti and Oh, 2018, "PacGAN: The power of two samples in generative
 * adversarial networks"): D judges m samples at once, so a batch of n samples becomes n / m packs, each
 * the m samples' values side by side. A pack of real samples is labelled real, a pack of fakes fake; a D
 * that sees several fakes together can tell a generator that repeats itself from the data, which one
 * sample at a time cannot.
 */
final class Packing {

    private Packing() {}

    /**
     * Packs consecutive samples: shape (n, d...) becomes (n / m, m · d...), sample i of pack p being row
     * p · m + i. With m = 1 the array itself is returned, untouched.
     *
     * @param samples the samples, n of them
     * @param m samples per pack
     * @return the packs
     * @throws IllegalArgumentException if n is not a multiple of m
     */
    static NDArray pack(NDArray samples, int m) {
        if (m == 1) {
            return samples;
        }
        long n = samples.getShape().get(0);
        if (n % m != 0) {
            throw new IllegalArgumentException("packing " + m + " needs a multiple of " + m + " samples, got " + n);
        }
        return samples.reshape(new Shape(n / m, samples.getShape().slice(1).size() * m));
    }
}
