package org.shapescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentRunsTest {
    private final Preferences node = Preferences.userRoot().node("org/shapescope/app-test/recent-" + System.nanoTime());

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void mostRecentFirstWithoutDuplicatesAndKeptAcrossInstances() {
        RecentRuns recent = new RecentRuns(node);
        for (int i = 0; i < RecentRuns.LIMIT + 3; i++) {
            recent.add(Path.of("/runs/r" + i));
        }
        recent.add(Path.of("/runs/r5"));
        RecentRuns reopened = new RecentRuns(node);
        assertThat(reopened.list()).hasSize(RecentRuns.LIMIT);
        assertThat(reopened.list().get(0)).isEqualTo(Path.of("/runs/r5").toAbsolutePath());
        assertThat(reopened.list().get(1)).isEqualTo(Path.of("/runs/r10").toAbsolutePath());
        assertThat(reopened.list()).doesNotHaveDuplicates();
    }
}
