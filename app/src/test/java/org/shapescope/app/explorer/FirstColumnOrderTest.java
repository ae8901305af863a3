package org.shapescope.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.data.MetricGrid;

/**
 * Opening a run in the explorer: the selected (last) checkpoint's column is computed before the
 * selected cell's projection and GRIDE curve are asked for, and at the default R the values are shown
 * before their spreads, then replaced by the same values with spreads.
 */
class FirstColumnOrderTest {
    private static final int LAYERS = 3;

    @TempDir
    Path run;

    /** Background work and UI callbacks queued, run one at a time by the test (the test thread is the UI thread). */
    static final class SteppedExecutor implements TaskExecutor {
        final Deque<String> titles = new ArrayDeque<>();
        final Deque<Runnable> work = new ArrayDeque<>();
        final List<String> started = new ArrayList<>();

        @Override
        public <T> void execute(String title, Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            titles.add(title);
            work.add(() -> {
                started.add(title);
                T value;
                try {
                    value = task.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(value);
            });
        }

        /** Runs the oldest queued task and returns its title. */
        String runNext() {
            String title = titles.poll();
            work.poll().run();
            return title;
        }

        @Override
        public void shutdown() {
        }
    }

    private void writeRun() throws Exception {
        Random random = new Random(345);
        for (int c = 0; c < 2; c++) {
            try (CheckpointWriter writer = CheckpointWriter.create(run.resolve("step-" + c + ".arrow"), c, 6,
                    CheckpointWriter.Options.defaults().withElementType(ElementType.FLOAT32))) {
                for (int layer = 0; layer < LAYERS; layer++) {
                    float[] values = new float[80 * 6];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (random.nextGaussian() * (i % 6 == 0 ? 3 : 1));
                    }
                    writer.writeLayer(LayerData.ofValues(layer, 80, 6, values));
                }
            }
        }
    }

    @Test
    void theFirstColumnComesBeforeTheProjectionAndTheValuesBeforeTheirSpreads() throws Exception {
        writeRun();
        SteppedExecutor tasks = new SteppedExecutor();
        // one grid worker and grid batches applied as they come: every published step is seen
        ExplorerModel model = new ExplorerModel(tasks, Runnable::run, folder -> ResultStore.none(), 1);
        List<MetricGrid> shown = new ArrayList<>();
        List<int[]> counts = new ArrayList<>(); // {values shown, cells done} at each grid shown
        model.gridProperty().addListener((o, before, grid) -> {
            shown.add(grid);
            counts.add(new int[] {model.cellsValuedProperty().get(), model.cellsDoneProperty().get()});
        });
        assertThat(model.getParameters().resamples()).isEqualTo(ExplorerModel.DEFAULT_RESAMPLES);

        model.open(run);
        assertThat(tasks.runNext()).startsWith("Open");
        assertThat(tasks.titles).as("only the grid is asked for while the first column computes").containsExactly("Grid anisotropy");
        assertThat(tasks.runNext()).isEqualTo("Grid anisotropy");
        assertThat(tasks.titles).as("asked for once the column is shown")
                .anySatisfy(t -> assertThat(t).startsWith("Projection"))
                .anySatisfy(t -> assertThat(t).startsWith("GRIDE"));

        MetricGrid last = model.getGrid();
        int cells = last.stepCount() * last.layerCount();
        int allValued = indexOf(shown, g -> computed(g) == cells);
        int firstSpread = indexOf(shown, MetricGrid::hasAnySpread);
        assertThat(allValued).as("every value is shown before any spread").isLessThan(firstSpread);
        // the status bar's counts: every value shown while no cell is done, then both complete
        assertThat(counts.get(allValued)).containsExactly(cells, 0);
        assertThat(model.cellsValuedProperty().get()).isEqualTo(cells);
        assertThat(model.cellsDoneProperty().get()).isEqualTo(cells);
        for (int c = 0; c < last.stepCount(); c++) {
            for (int l = 0; l < last.layerCount(); l++) {
                int step = c;
                int layer = l;
                assertThat(last.hasSpread(l, c)).isTrue();
                MetricGrid first = shown.get(indexOf(shown, g -> g.isComputed(layer, step)));
                // shown first without its spread, and with the number it keeps
                assertThat(first.hasSpread(l, c)).isFalse();
                assertThat(first.value(l, c)).isEqualTo(last.value(l, c));
            }
        }
        model.dispose();
    }

    private static int computed(MetricGrid grid) {
        int n = 0;
        for (int c = 0; c < grid.stepCount(); c++) {
            for (int l = 0; l < grid.layerCount(); l++) {
                n += grid.isComputed(l, c) ? 1 : 0;
            }
        }
        return n;
    }

    private static int indexOf(List<MetricGrid> grids, java.util.function.Predicate<MetricGrid> test) {
        for (int i = 0; i < grids.size(); i++) {
            if (test.test(grids.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no grid shown matches");
    }
}
