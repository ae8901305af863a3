package org.shapescope.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;

/** Results from many worker threads reach the UI as one batch per posted drain, in order, none lost. */
class GridEventQueueTest {
    private static final int THREADS = 4;
    private static final int CELLS_PER_THREAD = 250;

    @Test
    void burstFromWorkersPostsOneDrainAndLosesNothing() throws Exception {
        ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
        List<List<GridEvent>> batches = new ArrayList<>();
        GridEventQueue queue = new GridEventQueue(posted::add, batches::add);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < CELLS_PER_THREAD; i++) {
                    queue.cellFinished(new CellResult(new CellKey(i, worker), Map.of(), false));
                }
            });
            thread.start();
            workers.add(thread);
        }
        go.countDown();
        for (Thread thread : workers) {
            thread.join();
        }
        // nothing drained yet: exactly one task was posted to the UI thread for all 1000 results
        assertThat(posted).hasSize(1);
        posted.poll().run();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(THREADS * CELLS_PER_THREAD);

        queue.cellFinished(new CellResult(new CellKey(-1, 0), Map.of(), false));
        assertThat(posted).as("a result after the drain posts the next one").hasSize(1);
        posted.poll().run();
        assertThat(batches).hasSize(2);
    }
}
