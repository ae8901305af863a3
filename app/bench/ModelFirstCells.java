import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.data.MetricGrid;

/**
 * The desktop app's first cells without a screen: its ExplorerModel (what opens the run, orders the
 * grid, asks for the projection and GRIDE curve) with one thread standing for the JavaFX thread, 3
 * task threads as ShapescopeApp has, the machine's cores and a fresh SQLite store per opening
 * (nothing cached), at the explorer's defaults. Prints when the run was shown, the first cell, the
 * selected (last) column and the whole grid had values, their spreads (R > 1), the projection and
 * the GRIDE curve, in seconds from model.open. An opening ends when the grid has every value and the
 * column every spread, or after LIMIT seconds. With "again", the run is then opened a second time in
 * the same process (a fresh store again, once the first one's projection and GRIDE curve are in): a
 * run opened in an app that has opened one before.
 * Source-launched against any jar, so that an older one is measured the same way:
 *   java --add-opens=java.base/java.nio=ALL-UNNAMED -cp shapescope.jar app/bench/ModelFirstCells.java RUN [LIMIT [again]]
 */
public class ModelFirstCells {
    private static final Map<String, Double> AT = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private static volatile long start;
    private static volatile CountDownLatch done;

    public static void main(String[] a) throws Exception {
        Path run = Path.of(a[0]);
        int limit = a.length > 1 ? Integer.parseInt(a[1]) : 120;
        boolean again = a.length > 2 && a[2].equals("again");
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> daemon(r, "ui"));
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> daemon(r, "task"));
        TaskExecutor tasks = new TaskExecutor() {
            @Override
            public <T> void execute(String title, Callable<T> work, Consumer<T> ok, Consumer<Throwable> bad) {
                pool.execute(() -> {
                    try {
                        T value = work.call();
                        ui.execute(() -> ok.accept(value));
                    } catch (Throwable e) {
                        ui.execute(() -> bad.accept(e));
                    }
                });
            }

            @Override
            public void shutdown() {
                pool.shutdownNow();
            }
        };
        ExplorerModel model = ui.submit(() -> new ExplorerModel(tasks, ui, folder -> {
            try {
                return SqliteResultStore.at(Files.createTempDirectory("first-cells-store").resolve("results.sqlite"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Runtime.getRuntime().availableProcessors())).get();
        ui.submit(() -> listen(model)).get();
        for (int opening = 0; opening < (again ? 2 : 1); opening++) {
            ui.submit(() -> {
                AT.clear();
                done = new CountDownLatch(1);
                start = System.nanoTime();
                model.open(run);
            }).get();
            boolean ended = done.await(limit, TimeUnit.SECONDS);
            if (again && opening == 0) {
                // let the first opening's projection and GRIDE curve finish: they would take the cores from the second
                for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
                     !(AT.containsKey("projection") && AT.containsKey("gride")) && System.nanoTime() < until; ) {
                    Thread.sleep(100);
                }
            }
            Thread.sleep(50);
            String prefix = (again ? (opening == 0 ? "first opening: " : "opened again: ") : "") + (ended ? "" : "(stopped at " + limit + " s) ");
            ui.submit(() -> {
                StringBuilder line = new StringBuilder(prefix);
                AT.forEach((k, v) -> line.append(String.format("%s %.2f s; ", k, v)));
                System.out.println(line + "(R " + model.getParameters().resamples() + ", " + model.getMetric().name() + ")");
            }).get();
        }
        model.dispose();
        tasks.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void mark(String what) {
        AT.putIfAbsent(what, (System.nanoTime() - start) / 1e9);
    }

    private static Void listen(ExplorerModel model) {
        model.runProperty().addListener((o, x, r) -> mark("run shown"));
        model.projectionProperty().addListener((o, x, p) -> {
            if (p != null) {
                mark("projection");
            }
        });
        model.grideCurveProperty().addListener((o, x, p) -> {
            if (p != null) {
                mark("gride");
            }
        });
        model.gridProperty().addListener((o, x, g) -> {
            if (g == null) {
                return;
            }
            int last = g.stepCount() - 1;
            int total = 0;
            int values = 0;
            int columnValues = 0;
            int columnSpreads = 0;
            for (int l = 0; l < g.layerCount(); l++) {
                for (int c = 0; c < g.stepCount(); c++) {
                    total++;
                    values += g.isComputed(l, c) ? 1 : 0;
                    columnValues += c == last && g.isComputed(l, c) ? 1 : 0;
                    columnSpreads += c == last && g.hasSpread(l, c) ? 1 : 0;
                }
            }
            if (values > 0) {
                mark("first value");
            }
            if (columnValues == g.layerCount()) {
                mark("column values");
            }
            if (values == total) {
                mark("all values");
            }
            if (g.resamples() > 1 && columnSpreads == g.layerCount()) {
                mark("column spreads");
            }
            if (values == total && (g.resamples() == 1 || columnSpreads == g.layerCount())) {
                done.countDown();
            }
        });
        return null;
    }
}
