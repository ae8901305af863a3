package org.shapescope.analysis.store;

import java.nio.file.Path;
import java.util.Arrays;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridListener;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.run.RunFolder;

/**
 * A second process for {@link CrossProcessStoreTest}: runs one grid on a run's store and prints
 * {@code done STEP LAYER} for every cell as soon as it is stored (the engine stores a cell before
 * it publishes it), then {@code computed N}.
 * Arguments: RUN METRICS(comma-separated) TOKENS.
 */
public final class GridChild {
    private GridChild() {
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        MeasureParameters parameters = MeasureParameters.defaults().withNeighbourTokens(Integer.parseInt(args[2]));
        try (SqliteResultStore store = SqliteResultStore.forRun(run)) {
            var summary = new GridEngine(RunFolder.open(run, store), Estimators.named(Arrays.asList(args[1].split(","))),
                    parameters, store, new PoolCellExecutor(1)).run(new GridListener() {
                        @Override
                        public void cellFinished(CellResult result) {
                            System.out.println("done " + result.cell().step() + " " + result.cell().layer());
                            System.out.flush();
                        }

                        @Override
                        public void cellFailed(CellFailure failure) {
                            System.out.println("failed " + failure);
                        }
                    }, new Cancellation());
            store.warnings().forEach(w -> System.out.println("warning " + w));
            System.out.println("computed " + summary.computed());
        }
    }
}
