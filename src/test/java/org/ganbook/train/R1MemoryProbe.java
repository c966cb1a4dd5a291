package org.ganbook.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the process's resident memory while the standard ring recipe trains with the R1 penalty (γ = 1):
 * with the penalty's memory in order it levels off after the first few hundred iterations. Not a test;
 * run it by hand with the test classpath, one thread ({@code -Dai.djl.pytorch.num_threads=1}); the
 * arguments are the number of iterations (1,500 unless given) and γ (1 unless given; 0 for the baseline
 * without the penalty).
 */
final class R1MemoryProbe {

    private R1MemoryProbe() {}

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        float gamma = args.length > 1 ? Float.parseFloat(args[1]) : 1f;
        int every = 250;
        try (GanTrainer trainer = ToyRecipe.standard().withR1Penalty(gamma).builder(TestData.ring())
                .optSeed(1).optProgress(0).build()) {
            System.out.printf("iteration %5d  VmRSS %6d MB%n", 0, residentMegabytes());
            for (int done = 0; done < iterations; done += every) {
                trainer.fit(every);
                System.out.printf("iteration %5d  VmRSS %6d MB%n", done + every, residentMegabytes());
            }
        }
    }

    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
