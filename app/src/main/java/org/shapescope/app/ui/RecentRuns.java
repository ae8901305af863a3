package org.shapescope.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The run folders opened last, most recent first, remembered across restarts in {@link Preferences}. */
public final class RecentRuns {
    static final int LIMIT = 8;
    private static final String KEY = "recent-runs";
    private static final String SEPARATOR = "\n";

    private final Preferences preferences;

    /** @param preferences node to keep the list in (a test passes its own) */
    public RecentRuns(Preferences preferences) {
        this.preferences = preferences;
    }

    /** The list in the user's preferences of the app. */
    public static RecentRuns ofUser() {
        return new RecentRuns(Preferences.userRoot().node("org/shapescope/app"));
    }

    public List<Path> list() {
        List<Path> runs = new ArrayList<>();
        for (String line : preferences.get(KEY, "").split(SEPARATOR)) {
            if (!line.isBlank()) {
                runs.add(Path.of(line));
            }
        }
        return runs;
    }

    /** Puts {@code run} first, dropping an older entry of it and the oldest beyond {@link #LIMIT}. */
    public void add(Path run) {
        Path normal = run.toAbsolutePath().normalize();
        List<Path> runs = list();
        runs.remove(normal);
        runs.add(0, normal);
        List<String> lines = runs.stream().limit(LIMIT).map(Path::toString).toList();
        preferences.put(KEY, String.join(SEPARATOR, lines));
    }

    public void clear() {
        preferences.remove(KEY);
    }
}
