package org.ganbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's memory use, for the soak command. */
final class Memory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private Memory() {}

    /**
     * Returns the resident set size (VmRSS) in bytes, read from {@code /proc/self/status}, or -1 where
     * that file does not exist (not Linux).
     */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Returns the Java heap in use, in bytes. */
    static long heapUsedBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
