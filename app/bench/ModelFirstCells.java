import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.Consumer;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.viewer.data.MetricGrid;

/**
 * The desktop app's first cells without a screen: its ExplorerModel (what opens the run, orders the
 * grid, asks for the projection and GRIDE curve) with one thread standing for the JavaFX thread, 3
 * task threads as ShapescopeApp has, the machine's cores and a fresh SQLite store (nothing cached),
 * at the explorer's defaults. Prints when the run was shown, the first cell, the selected (last)
 * column and the whole grid had values, their spreads (R > 1), the projection and the GRIDE curve,
 * in seconds from model.open. Stops when the grid has every value and the column every spread, or
 * after LIMIT seconds. Source-launched against any jar, so that an older one is measured the same way:
 *   java --add-opens=java.base/java.nio=ALL-UNNAMED -cp shapescope.jar app/bench/ModelFirstCells.java RUN [LIMIT]
 */
public class ModelFirstCells {
    public static void main(String[] a) throws Exception {
        Path run = Path.of(a[0]);
        Path storeDir = Files.createTempDirectory("fc-store");
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> { Thread t = new Thread(r, "ui"); t.setDaemon(true); return t; });
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> { Thread t = new Thread(r, "task"); t.setDaemon(true); return t; });
        TaskExecutor tasks = new TaskExecutor() {
            public <T> void execute(String title, Callable<T> work, Consumer<T> ok, Consumer<Throwable> bad) {
                pool.execute(() -> { try { T v = work.call(); ui.execute(() -> ok.accept(v)); } catch (Throwable e) { ui.execute(() -> bad.accept(e)); } });
            }
            public void shutdown() { pool.shutdownNow(); }
        };
        CountDownLatch done = new CountDownLatch(1);
        long[] t0 = {0};
        Map<String, Double> at = new LinkedHashMap<>();
        ExplorerModel[] m = new ExplorerModel[1];
        ui.submit(() -> {
            m[0] = new ExplorerModel(tasks, ui, folder -> SqliteResultStore.at(storeDir.resolve("results.sqlite")), Runtime.getRuntime().availableProcessors());
        }).get();
        ExplorerModel model = m[0];
        ui.submit(() -> {
            model.runProperty().addListener((o, x, r) -> at.putIfAbsent("run shown", (System.nanoTime() - t0[0]) / 1e9));
            model.projectionProperty().addListener((o, x, p) -> { if (p != null) at.putIfAbsent("projection", (System.nanoTime() - t0[0]) / 1e9); });
            model.grideCurveProperty().addListener((o, x, p) -> { if (p != null) at.putIfAbsent("gride", (System.nanoTime() - t0[0]) / 1e9); });
            model.gridProperty().addListener((o, x, g) -> {
                if (g == null) return;
                double now = (System.nanoTime() - t0[0]) / 1e9;
                int s = g.stepCount() - 1, total = 0, values = 0, spreads = 0, colValues = 0, colSpreads = 0;
                for (int l = 0; l < g.layerCount(); l++) for (int c = 0; c < g.stepCount(); c++) {
                    total++;
                    if (g.isComputed(l, c)) { values++; if (c == s) colValues++; }
                    if (g.hasSpread(l, c)) { spreads++; if (c == s) colSpreads++; }
                }
                if (values > 0) at.putIfAbsent("first value", now);
                if (colValues == g.layerCount()) at.putIfAbsent("column values", now);
                if (values == total) at.putIfAbsent("all values", now);
                if (g.resamples() > 1) {
                    if (spreads > 0) at.putIfAbsent("first spread", now);
                    if (colSpreads == g.layerCount()) at.putIfAbsent("column spreads", now);
                    if (spreads == total) { at.putIfAbsent("all spreads", now); }
                }
                if (values == total && (g.resamples() == 1 || colSpreads == g.layerCount())) done.countDown();
            });
            t0[0] = System.nanoTime();
            model.open(run);
        }).get();
        int limit = a.length > 1 ? Integer.parseInt(a[1]) : 120;
        if (!done.await(limit, TimeUnit.SECONDS)) System.out.print("(stopped at " + limit + " s) ");
        Thread.sleep(50);
        ui.submit(() -> {
            StringBuilder b = new StringBuilder();
            at.forEach((k, v) -> b.append(String.format("%s %.2f s; ", k, v)));
            System.out.println(b + "(R " + model.getParameters().resamples() + ", " + model.getMetric().name() + ")");
        }).get();
        model.dispose();
        tasks.shutdown();
    }
}
