package org.shapescope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.shapescope.analysis.format.CheckpointFile;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.KernelLedger;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.data.MetricsCsv;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.GridSummary;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.app.bench.BenchSupport;
import org.shapescope.app.bench.SyntheticRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shapescope bench}: measurements for docs/benchmarks.md, each against a reference in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: make-run (synthetic GPT-2-small-sized run), read (reader throughput against cat), "
                + "grid (analysis time and peak heap), first-cells (how soon an uncached run shows its first cells).",
        subcommands = {BenchCommand.MakeRun.class, BenchCommand.Read.class, BenchCommand.Grid.class, BenchCommand.FirstCells.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "make-run", mixinStandardHelpOptions = true,
            description = "Writes a seeded synthetic run (see SyntheticRun) and optionally the same values as .npy dumps.")
    static final class MakeRun implements Callable<Integer> {
        @Parameters(paramLabel = "RUN")
        Path run;
        @Option(names = "--npy", paramLabel = "DIR", description = "also write step_<N>/layer_<L>.npy here (for the numpy reference)")
        Path npy;
        @Option(names = "--checkpoints", defaultValue = "12")
        int checkpoints;
        @Option(names = "--layers", defaultValue = "13")
        int layers;
        @Option(names = "--tokens", defaultValue = "4096")
        int tokens;
        @Option(names = "--hidden", defaultValue = "768")
        int hidden;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            SyntheticRun.write(run, npy, checkpoints, layers, tokens, hidden, seed);
            spec.commandLine().getOut().printf("wrote %d checkpoints x %d layers x %d tokens x %d to %s in %.1f s%n", checkpoints, layers,
                    tokens, hidden, run, (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Reads every layer of a checkpoint file as float32 and compares the throughput with `cat FILE > /dev/null` "
                    + "(warm page cache, best of --repeat), and reports the peak heap of the read.")
    static final class Read implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--repeat", defaultValue = "3")
        int repeat;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            long size = Files.size(file);
            BenchSupport.cat(file);
            double catSeconds = Double.MAX_VALUE;
            double readSeconds = Double.MAX_VALUE;
            long peak = 0;
            long checksum = 0;
            for (int i = 0; i < repeat; i++) {
                catSeconds = Math.min(catSeconds, BenchSupport.cat(file));
                BenchSupport.resetHeapPeak();
                long start = System.nanoTime();
                try (CheckpointFile checkpoint = CheckpointFile.open(file)) {
                    for (int layer : checkpoint.layers()) {
                        LayerData data = checkpoint.readLayer(layer);
                        checksum += Float.floatToIntBits(data.values()[data.values().length - 1]);
                    }
                }
                readSeconds = Math.min(readSeconds, (System.nanoTime() - start) / 1e9);
                peak = Math.max(peak, BenchSupport.heapPeakBytes());
            }
            double gb = size / 1e9;
            out.printf("file            %s (%.2f GB)%n", file, gb);
            out.printf("cat > /dev/null %.3f s  %.2f GB/s%n", catSeconds, gb / catSeconds);
            out.printf("shapescope read %.3f s  %.2f GB/s  (every layer decoded to float32)%n", readSeconds, gb / readSeconds);
            out.printf("ratio           %.2f (shapescope throughput / cat throughput)%n", catSeconds / readSeconds);
            out.printf("peak heap       %.0f MB of -Xmx %.0f MB (file is %.0f MB)%n", peak / 1e6, BenchSupport.maxHeapBytes() / 1e6,
                    size / 1e6);
            out.printf("checksum        %d%n", checksum);
            return 0;
        }
    }

    @Command(name = "grid", mixinStandardHelpOptions = true,
            description = "Analyses every cell of a run without cache, reports wall time and peak heap, writes the CSV of analyze.")
    static final class Grid implements Callable<Integer> {
        @Parameters(paramLabel = "RUN")
        Path run;
        @Option(names = "--metrics", split = ",", defaultValue = AnalyzeCommand.DEFAULT_METRICS)
        List<String> metricIds;
        @Option(names = "--workers", defaultValue = "2", description = "cells at once")
        int workers;
        @Option(names = "--threads", defaultValue = "1", description = "threads per cell")
        int threads;
        @Option(names = "--out", paramLabel = "CSV")
        Path out;
        @Option(names = "--sgemm-peak", paramLabel = "GFLOPS",
                description = "one thread's SGEMM rate measured in the same run (app/bench/sgemm_peak.py); each kernel is then "
                        + "also given as a fraction of it")
        Double sgemmPeak;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Estimator> metrics = Estimators.named(metricIds);
            RunFolder folder = RunFolder.open(run);
            BenchSupport.resetHeapPeak();
            KernelLedger.reset();
            CollectingListener collected = new CollectingListener();
            GridSummary summary = new GridEngine(folder, metrics, MeasureParameters.defaults().withThreads(threads), ResultStore.none(),
                    new PoolCellExecutor(workers)).run(collected, new Cancellation());
            collected.failures().forEach(failure -> spec.commandLine().getErr().println("shapescope: " + failure));
            long peak = BenchSupport.heapPeakBytes();
            spec.commandLine().getOut().printf("cells %d  wall %.2f s  (%.3f s per cell)  workers %d x threads %d  peak heap %.0f MB of %.0f MB%n",
                    summary.computed(), summary.elapsed().toNanos() / 1e9, summary.elapsed().toNanos() / 1e9 / Math.max(1, summary.computed()),
                    workers, threads, peak / 1e6, BenchSupport.maxHeapBytes() / 1e6);
            spec.commandLine().getOut().printf("kernels %s%n", CellAnalyzer.kernels());
            printLedger(spec.commandLine().getOut(), summary.elapsed().toNanos() * (double) workers * threads);
            if (out != null) {
                Files.writeString(out, MetricsCsv.of(metrics.stream().map(Estimator::name).toList(), collected.results()));
            }
            return summary.failed() == 0 ? 0 : 1;
        }

        /**
         * Per kernel: its share of the cores' time (wall time × workers × threads), its rate per
         * thread and, with {@code --sgemm-peak}, that rate as a fraction of one thread's SGEMM.
         */
        private void printLedger(PrintWriter out, double coreNanos) {
            out.printf("%-30s %7s %9s %7s %9s %14s%s%n", "kernel", "calls", "thread-s", "share", "GFLOP", "GFLOP/s/thread",
                    sgemmPeak == null ? "" : "  of SGEMM peak");
            for (KernelLedger.Entry e : KernelLedger.snapshot()) {
                if (e.calls() == 0) {
                    continue;
                }
                double rate = e.gflopsPerThread();
                out.printf(java.util.Locale.ROOT, "%-30s %7d %9.2f %6.1f%% %9.1f %14s%s%n", e.kernel().label(), e.calls(), e.seconds(),
                        100 * e.nanos() / coreNanos, e.flops() / 1e9, Double.isNaN(rate) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", rate),
                        sgemmPeak == null || Double.isNaN(rate) ? "" : String.format(java.util.Locale.ROOT, "  %5.1f%%", 100 * rate / sgemmPeak));
            }
        }
    }

    @Command(name = "first-cells", mixinStandardHelpOptions = true,
            description = "Opens an uncached run as the desktop app does (its result store opened beside the listing, fresh in a "
                    + "temporary folder; the selected, last checkpoint's column first; the machine's cores split by CoreSplit; "
                    + "with R > 1 the values of every cell before their spreads) and reports, counted from opening the run "
                    + "folder, when the first cell, the whole column and the whole grid were shown, and with R > 1 when "
                    + "their spreads were.")
    static final class FirstCells implements Callable<Integer> {
        @Parameters(paramLabel = "RUN")
        Path run;
        @Option(names = "--metric", defaultValue = "anisotropy")
        String metric;
        @Option(names = "--resamples", defaultValue = "" + org.shapescope.app.explorer.ExplorerModel.DEFAULT_RESAMPLES, paramLabel = "R",
                description = "R of the estimate; default: ${DEFAULT-VALUE}, the desktop app's (a bootstrapped metric shows its "
                        + "value at once and gets its spread over R replicates in a second pass)")
        int resamples;
        @Option(names = "--no-store", description = "open no result store (as this benchmark did before the app opened it beside the listing)")
        boolean noStore;
        @Spec
        CommandSpec spec;

        /** When (seconds from opening) the first cell, the selected column and the whole grid were reached. */
        private static final class Marks {
            private final long start;
            private final long column;
            private final int columnCells;
            private final int cells;
            private final java.util.Set<org.shapescope.analysis.grid.CellKey> seen = new java.util.HashSet<>();
            private double first = Double.NaN;
            private double columnDone = Double.NaN;
            private double all = Double.NaN;

            Marks(long start, long column, int columnCells, int cells) {
                this.start = start;
                this.column = column;
                this.columnCells = columnCells;
                this.cells = cells;
            }

            synchronized void reached(org.shapescope.analysis.grid.CellKey cell) {
                double now = (System.nanoTime() - start) / 1e9;
                if (!seen.add(cell)) {
                    return;
                }
                if (Double.isNaN(first)) {
                    first = now;
                }
                if (seen.stream().filter(c -> c.step() == column).count() == columnCells && Double.isNaN(columnDone)) {
                    columnDone = now;
                }
                if (seen.size() == cells) {
                    all = now;
                }
            }

            String describe() {
                return String.format(java.util.Locale.ROOT, "first cell %.2f s; column (%d cells) %.2f s; all %d cells %.2f s",
                        first, columnCells, columnDone, cells, all);
            }
        }

        @Override
        public Integer call() throws Exception {
            Path storeFolder = noStore ? null : Files.createTempDirectory("shapescope-first-cells");
            long start = System.nanoTime();
            org.shapescope.analysis.store.OpeningResultStore opening = noStore ? null : org.shapescope.analysis.store.OpeningResultStore
                    .start(() -> org.shapescope.analysis.store.SqliteResultStore.at(storeFolder.resolve("results.sqlite")));
            RunFolder folder = RunFolder.open(run, noStore ? ResultStore.none() : opening);
            ResultStore store = noStore ? ResultStore.none() : opening.store();
            double opened = (System.nanoTime() - start) / 1e9;
            try {
                var cells = GridEngine.cells(folder);
                org.shapescope.analysis.grid.CoreSplit split = org.shapescope.analysis.grid.CoreSplit.ofMachine(cells.size());
                long column = folder.steps()[folder.steps().length - 1];
                int columnCells = (int) cells.stream().filter(c -> c.step() == column).count();
                Marks shown = new Marks(start, column, columnCells, cells.size());
                Marks done = new Marks(start, column, columnCells, cells.size());
                CollectingListener collected = new CollectingListener() {
                    @Override
                    public void cellValued(org.shapescope.analysis.grid.CellResult values) {
                        shown.reached(values.cell());
                    }

                    @Override
                    public void cellFinished(org.shapescope.analysis.grid.CellResult result) {
                        shown.reached(result.cell());
                        done.reached(result.cell());
                        super.cellFinished(result);
                    }
                };
                GridSummary summary = new GridEngine(folder, List.of(Estimators.named(metric)),
                        MeasureParameters.defaults().withResamples(resamples).withThreads(split.threadsPerCell()), store,
                        new PoolCellExecutor(split.workers())).firstColumn(column).valuesFirst().run(collected, new Cancellation());
                PrintWriter out = spec.commandLine().getOut();
                out.printf(java.util.Locale.ROOT, "run opened %.2f s; shown: %s%n", opened, shown.describe());
                if (resamples > 1) {
                    out.printf("with spreads: %s%n", done.describe());
                }
                out.printf("(%s, R %d, workers %d x threads %d, d %d, %s)%n", metric, resamples, split.workers(), split.threadsPerCell(),
                        folder.hiddenSize(), noStore ? "no store" : "fresh store");
                return summary.failed() == 0 ? 0 : 1;
            } finally {
                store.close();
                if (storeFolder != null) {
                    BenchSupport.deleteRecursively(storeFolder);
                }
            }
        }
    }
}
