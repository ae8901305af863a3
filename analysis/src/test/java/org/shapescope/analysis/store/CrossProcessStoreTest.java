package org.shapescope.analysis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridEngineTestRuns;
import org.shapescope.analysis.grid.GridSummary;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.RunFolder;

/** Several processes on one run's store (real JVMs), and a process killed with SIGKILL mid-grid. */
class CrossProcessStoreTest {
    private static final int TOKENS = 150;

    @TempDir
    Path dir;

    private static Process child(Path run, String metrics) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), GridChild.class.getName(), run.toString(), metrics,
                Integer.toString(TOKENS)).redirectErrorStream(true).start();
    }

    private static List<String> lines(Process process) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return lines;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoProcessesWithDisjointMetricsAtOnceLeaveEverythingForAThird() throws Exception {
        GridEngineTestRuns.write(dir, 5, 7, 300, 16);
        Process neighbours = child(dir, "twonn,mle");
        Process spectral = child(dir, "anisotropy,pca_dim,isoscore");
        List<String> a = lines(neighbours);
        List<String> b = lines(spectral);
        assertThat(neighbours.exitValue()).as(String.join("\n", a)).isZero();
        assertThat(spectral.exitValue()).as(String.join("\n", b)).isZero();
        assertThat(a).contains("computed 35").noneMatch(l -> l.startsWith("warning") || l.startsWith("failed"));
        assertThat(b).contains("computed 35").noneMatch(l -> l.startsWith("warning") || l.startsWith("failed"));
        try (SqliteResultStore store = SqliteResultStore.forRun(dir)) {
            CollectingListener all = new CollectingListener();
            GridSummary third = new GridEngine(RunFolder.open(dir, store),
                    Estimators.of("anisotropy", "pca_dim", "isoscore", "twonn", "mle"),
                    MeasureParameters.defaults().withNeighbourTokens(TOKENS), store, new SameThreadCellExecutor())
                    .run(all, new Cancellation());
            assertThat(third.computed()).as("everything from the store").isZero();
            assertThat(third.fromCache()).isEqualTo(35);
            assertThat(all.results()).allSatisfy(r -> assertThat(r.measures()).hasSize(5));
            assertThat(store.warnings()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aProcessKilledMidGridKeepsEveryCellItFinished() throws Exception {
        GridEngineTestRuns.write(dir, 6, 8, 1200, 48);
        Process victim = child(dir, "anisotropy,twonn,mle,phd");
        List<String> finished = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
        while (finished.size() < 3) {
            String line = out.readLine();
            assertThat(line).as("the child ended before 3 cells: " + finished).isNotNull();
            if (line.startsWith("done ")) {
                finished.add(line);
            }
        }
        victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        List<Estimator> estimators = Estimators.of("anisotropy", "twonn", "mle", "phd");
        MeasureParameters parameters = MeasureParameters.defaults().withNeighbourTokens(TOKENS);
        try (SqliteResultStore store = SqliteResultStore.forRun(dir)) {
            assertThat(store.warnings()).as("the store opens cleanly").isEmpty();
            RunFolder run = RunFolder.open(dir, store);
            Set<String> keys = new java.util.HashSet<>();
            estimators.forEach(e -> keys.add(e.storeKey(parameters)));
            for (String line : finished) {
                String[] parts = line.split(" ");
                Checkpoint checkpoint = run.checkpoint(Long.parseLong(parts[1])).orElseThrow();
                assertThat(store.find(checkpoint.identity(), Integer.parseInt(parts[2]), keys))
                        .as("cell %s was reported finished before the kill", line).hasSize(4);
            }
        }
    }
}
