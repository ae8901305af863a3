package org.shapescope.analysis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store opened on its own thread: calls wait for it and reach it; a failure to open reaches the caller. */
class OpeningResultStoreTest {
    @TempDir
    Path dir;

    @Test
    void callsWaitForTheStoreAndGoToIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OpeningResultStore opening = OpeningResultStore.start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SqliteResultStore.at(dir.resolve("results.sqlite"));
        });
        FileIdentity identity = new FileIdentity("step-1.arrow", 10, 20, "abc");
        Thread caller = new Thread(() -> opening.putLayout(identity, "hidden=4"));
        caller.start();
        caller.join(200);
        assertThat(caller.isAlive()).as("waits while the store is being opened").isTrue();
        release.countDown();
        caller.join();
        assertThat(opening.layout(identity)).contains("hidden=4");
        assertThat(opening.store()).isInstanceOf(SqliteResultStore.class);
        opening.close();
        try (SqliteResultStore reopened = SqliteResultStore.at(dir.resolve("results.sqlite"))) {
            assertThat(reopened.layout(identity)).contains("hidden=4");
        }
    }

    @Test
    void aFailureToOpenIsThrownAtTheCaller() {
        OpeningResultStore opening = OpeningResultStore.start(() -> {
            throw new IllegalStateException("no store here");
        });
        assertThatThrownBy(opening::store).isInstanceOf(IllegalStateException.class).hasMessage("no store here");
        assertThatThrownBy(() -> opening.layout(new FileIdentity("a", 1, 1, "f"))).hasMessage("no store here");
    }
}
