package org.shapescope.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/** Measuring helpers for the bench commands. */
public final class BenchSupport {
    private BenchSupport() {
    }

    /** Seconds taken by {@code cat FILE > /dev/null}: the reference for reading throughput. */
    public static double cat(Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IOException("cat " + file + " failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Collects garbage and resets the peak usage of the heap pools. */
    public static void resetHeapPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Peak heap in use since {@link #resetHeapPeak()}: the sum of the heap pools' peaks (which can
     * only over-state the true peak).
     */
    public static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Deletes a folder and what it holds (a benchmark's temporary store); what cannot be deleted stays. */
    public static void deleteRecursively(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.walk(folder)) {
            for (Path entry : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(entry);
            }
        }
    }
}
