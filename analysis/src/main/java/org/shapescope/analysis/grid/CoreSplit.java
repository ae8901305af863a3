package org.shapescope.analysis.grid;

/**
 * How the machine's cores are shared between cells computed at once and the threads of each
 * cell's kernels: the one place that decides it. Whole cells in parallel scale best (no shared
 * memory traffic, no synchronisation inside a kernel), so there are as many workers as cores,
 * unless there are fewer cells; the cores left over go to each cell's kernels.
 *
 * @param workers        cells computed at once
 * @param threadsPerCell threads one cell's kernels may use
 */
public record CoreSplit(int workers, int threadsPerCell) {

    public CoreSplit {
        if (workers < 1 || threadsPerCell < 1) {
            throw new IllegalArgumentException("workers and threads per cell must be positive: " + workers + ", " + threadsPerCell);
        }
    }

    /** The split of {@code cores} over a grid of {@code cells} cells. */
    public static CoreSplit of(int cores, int cells) {
        int usable = Math.max(1, cores);
        int workers = Math.max(1, Math.min(usable, cells));
        return new CoreSplit(workers, Math.max(1, usable / workers));
    }

    /** The split of this machine's cores. */
    public static CoreSplit ofMachine(int cells) {
        return of(Runtime.getRuntime().availableProcessors(), cells);
    }
}
