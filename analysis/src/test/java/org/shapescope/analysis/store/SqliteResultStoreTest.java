package org.shapescope.analysis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.geometry.MeasureResult;

class SqliteResultStoreTest {
    private static final FileIdentity FILE = new FileIdentity("step-10.arrow", 1234, 5678, "abcdef");
    private static final FileIdentity OTHER = new FileIdentity("step-20.arrow", 1234, 5678, "abcdef");

    @TempDir
    Path dir;

    @Test
    void valuesRefusalsAndLayoutsSurviveAReopening() {
        Path file = dir.resolve("c/results.sqlite");
        MeasureResult exact = new MeasureResult(0.1 + 0.2, 10, 1, "dropped 1 rows with NaN/Inf");
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            store.put(FILE, 3, Map.of("anisotropy/v1", exact, "twonn/v1;seed=0", MeasureResult.refused(1, 0, "needs 3 tokens")));
            store.putLayout(FILE, "0:5;1:5");
            assertThat(store.warnings()).isEmpty();
        }
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            Map<String, MeasureResult> found = store.find(FILE, 3, Set.of("anisotropy/v1", "twonn/v1;seed=0", "mle/v1"));
            assertThat(found.get("anisotropy/v1")).as("doubles are stored losslessly").isEqualTo(exact);
            assertThat(found.get("twonn/v1;seed=0").value()).isNaN();
            assertThat(found.get("twonn/v1;seed=0").note()).isEqualTo("needs 3 tokens");
            assertThat(found).doesNotContainKey("mle/v1");
            assertThat(store.find(FILE, 4, Set.of("anisotropy/v1"))).isEmpty();
            assertThat(store.find(OTHER, 3, Set.of("anisotropy/v1"))).isEmpty();
            assertThat(store.layout(FILE)).contains("0:5;1:5");
            assertThat(store.layout(OTHER)).isEmpty();
        }
    }

    @Test
    void theStoreLivesInTheRunFolderOrInTheUserCacheWhenTheRunIsReadOnly() {
        Path run = dir.resolve("run");
        Path user = dir.resolve("user-cache");
        try (SqliteResultStore inRun = SqliteResultStore.forRun(run, folder -> true, user);
             SqliteResultStore inUser = SqliteResultStore.forRun(run, folder -> false, user)) {
            assertThat(Path.of(inRun.location())).isEqualTo(run.toAbsolutePath().resolve(".shapescope-cache/results.sqlite"));
            assertThat(Path.of(inUser.location()).startsWith(user)).isTrue();
            assertThat(Path.of(inUser.location()).getFileName()).hasToString("results.sqlite");
        }
    }

    @Test
    void aDamagedStoreIsSetAsideNeverFatal() throws Exception {
        Path file = dir.resolve("results.sqlite");
        Files.writeString(file, "this is not an SQLite database, it only has the name of one ".repeat(100));
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            assertThat(store.warnings()).singleElement().asString().startsWith(file.toString())
                    .contains("damaged").contains("set aside as results.sqlite.set-aside-");
            store.put(FILE, 0, Map.of("anisotropy/v1", new MeasureResult(0.5, 3, 0, "")));
            assertThat(store.find(FILE, 0, Set.of("anisotropy/v1"))).hasSize(1);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("results.sqlite.set-aside-"));
        }
    }

    @Test
    void anotherProgramsDatabaseIsSetAside() throws Exception {
        Path file = dir.resolve("results.sqlite");
        try (Connection foreign = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = foreign.createStatement()) {
            statement.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
        }
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            assertThat(store.warnings()).singleElement().asString().contains("not a Shapescope result store");
            assertThat(store.find(FILE, 0, Set.of("anisotropy/v1"))).isEmpty();
        }
    }

    @Test
    void whereNothingCanBeWrittenTheStoreIsInMemoryAndSaysSo() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        try (SqliteResultStore store = SqliteResultStore.at(blocker.resolve("sub/results.sqlite"))) {
            assertThat(store.location()).isEqualTo("memory");
            assertThat(store.warnings()).singleElement().asString().contains("kept in memory only");
            store.put(FILE, 1, Map.of("k", new MeasureResult(2, 1, 0, "")));
            assertThat(store.find(FILE, 1, Set.of("k"))).hasSize(1);
        }
    }

    @Test
    void twoStoresOnOneFileWritingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("results.sqlite");
        int cells = 200;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SqliteResultStore a = SqliteResultStore.at(file); SqliteResultStore b = SqliteResultStore.at(file)) {
            List<Future<?>> writers = new ArrayList<>();
            for (SqliteResultStore store : List.of(a, b)) {
                String key = store == a ? "anisotropy/v1" : "twonn/v1";
                writers.add(pool.submit(() -> {
                    for (int layer = 0; layer < cells; layer++) {
                        store.put(FILE, layer, Map.of(key, new MeasureResult(layer, 1, 0, "")));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            assertThat(a.warnings()).isEmpty();
            assertThat(b.warnings()).isEmpty();
        } finally {
            pool.shutdown();
        }
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            for (int layer = 0; layer < cells; layer++) {
                assertThat(store.find(FILE, layer, Set.of("anisotropy/v1", "twonn/v1"))).hasSize(2);
            }
        }
    }

    @Test
    void aSpreadSurvivesAReopeningAndItsAbsenceStaysNaN() {
        Path file = dir.resolve("results.sqlite");
        MeasureResult resampled = new MeasureResult(7.25, 4096, 2, "mean ± std over 5 resamples", 0.1 + 0.2);
        MeasureResult single = new MeasureResult(0.5, 10, 0, "");
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            store.put(FILE, 0, Map.of("twonn/v2;resamples=5", resampled, "anisotropy/v1", single));
        }
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            Map<String, MeasureResult> found = store.find(FILE, 0, Set.of("twonn/v2;resamples=5", "anisotropy/v1"));
            assertThat(found.get("twonn/v2;resamples=5")).as("the spread is stored losslessly").isEqualTo(resampled);
            assertThat(found.get("anisotropy/v1").spread()).isNaN();
        }
    }

    @Test
    void aVersionOneStoreGainsTheSpreadColumnAndKeepsItsValues() throws Exception {
        Path file = dir.resolve("results.sqlite");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = old.createStatement()) {
            statement.execute("CREATE TABLE results (checkpoint TEXT NOT NULL, layer INTEGER NOT NULL,"
                    + " measure TEXT NOT NULL, value REAL, tokens_used INTEGER NOT NULL, tokens_dropped INTEGER NOT NULL,"
                    + " note TEXT NOT NULL, PRIMARY KEY (checkpoint, layer, measure)) WITHOUT ROWID");
            statement.execute("CREATE TABLE layouts (checkpoint TEXT PRIMARY KEY, layout TEXT NOT NULL) WITHOUT ROWID");
            statement.execute("PRAGMA application_id = " + SqliteResultStore.APPLICATION_ID);
            statement.execute("PRAGMA user_version = 1");
            statement.execute("INSERT INTO results VALUES ('" + FILE.key().replace("'", "''") + "', 0, 'anisotropy/v1', 0.5, 10, 0, '')");
        }
        try (SqliteResultStore store = SqliteResultStore.at(file)) {
            assertThat(store.warnings()).isEmpty();
            assertThat(store.find(FILE, 0, Set.of("anisotropy/v1"))).containsEntry("anisotropy/v1", new MeasureResult(0.5, 10, 0, ""));
            MeasureResult resampled = new MeasureResult(7.5, 100, 0, "", 0.25);
            store.put(FILE, 1, Map.of("twonn/v2;resamples=5", resampled));
            assertThat(store.find(FILE, 1, Set.of("twonn/v2;resamples=5"))).containsEntry("twonn/v2;resamples=5", resampled);
        }
        try (Connection reopened = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = reopened.createStatement();
             var rows = statement.executeQuery("PRAGMA user_version")) {
            assertThat(rows.getInt(1)).isEqualTo(SqliteResultStore.SCHEMA_VERSION).isEqualTo(2);
        }
    }
}
