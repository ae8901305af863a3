package org.shapescope.app;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the JavaFX application (kept apart from {@link Main} so the CLI never loads JavaFX).
 * Where the desktop cannot start — no display, or no GTK 3 for JavaFX's Linux toolkit — it prints
 * one line saying what is missing and how to get it, and returns a non-zero status instead of
 * JavaFX's stack trace.
 */
final class DesktopLauncher {
    /** Exit status when the desktop app cannot start (as the CLI's "unusable"). */
    static final int CANNOT_START = 2;

    /**
     * JavaFX logs "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
     * whenever it runs from the class path, as every fat jar does; the app is tested that way, so
     * that one record is dropped. A strong reference keeps the filtered logger alive.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private DesktopLauncher() {
    }

    /** Runs the desktop app until its window closes; returns the process exit status. */
    static int launch(String[] args) {
        Optional<String> problem = DesktopProblem.beforeLaunch(System.getProperty("os.name"), System.getenv());
        if (problem.isPresent()) {
            return cannotStart(problem.get(), System.err);
        }
        JAVAFX_LOG.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            Application.launch(ShapescopeApp.class, args);
            return 0;
        } catch (UnsupportedOperationException e) {
            Optional<String> explained = DesktopProblem.ofToolkitFailure(e.getMessage(), System.getenv());
            if (explained.isEmpty()) {
                throw e;
            }
            return cannotStart(explained.get(), System.err);
        }
    }

    private static int cannotStart(String line, PrintStream err) {
        err.println("shapescope: " + line);
        return CANNOT_START;
    }

    /** Why the desktop app cannot start, as one line for the user (pure: tested without a toolkit). */
    static final class DesktopProblem {
        static final String SUBCOMMANDS = "every subcommand (analyze, render, inspect, import-npy, bench) works without it: see shapescope --help";

        private DesktopProblem() {
        }

        /** A problem seen before JavaFX starts: on Linux, neither DISPLAY nor WAYLAND_DISPLAY set. */
        static Optional<String> beforeLaunch(String osName, Map<String, String> env) {
            if (osName == null || !osName.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
                return Optional.of("no display for the desktop app (DISPLAY is not set): start it in a desktop session,"
                        + " over ssh -X, or under xvfb-run; " + SUBCOMMANDS.replace("without it", "without a display"));
            }
            return Optional.empty();
        }

        /** The line for JavaFX's toolkit failure message, or empty when it is not one we know. */
        static Optional<String> ofToolkitFailure(String message, Map<String, String> env) {
            if (message == null) {
                return Optional.empty();
            }
            if (message.contains("Unable to load glass GTK library")) {
                return Optional.of("the desktop app needs GTK 3, which JavaFX could not load (libgtk-3.so.0):"
                        + " install it with `sudo apt-get install libgtk-3-0`; " + SUBCOMMANDS);
            }
            if (message.contains("Unable to open DISPLAY")) {
                String display = env.getOrDefault("DISPLAY", "");
                return Optional.of("cannot open the display '" + display + "' (DISPLAY) for the desktop app: is an X server"
                        + " running there and may this user connect to it? " + SUBCOMMANDS.replace("without it", "without a display"));
            }
            return Optional.empty();
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
