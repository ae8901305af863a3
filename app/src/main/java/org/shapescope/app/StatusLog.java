package org.shapescope.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.value.ObservableValue;

/**
 * Appends every text the status bar shows to a file, one line each, when the system property
 * {@value #PROPERTY} names one: how scripts (and CI's start-up check) see that the window's grid
 * has filled without reading pixels. Lines are written in order on one background thread, never
 * on the JavaFX thread.
 */
final class StatusLog {
    static final String PROPERTY = "shapescope.statusLog";
    private static final Logger LOG = Logger.getLogger(StatusLog.class.getName());

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shapescope-status-log");
        thread.setDaemon(true);
        return thread;
    });

    private StatusLog(Path file) {
        this.file = file;
    }

    /** Follows {@code status} into the file named by the system property, if it is set; the log, or null. */
    static StatusLog followIfAsked(ObservableValue<String> status) {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            return null;
        }
        StatusLog log = new StatusLog(Path.of(name));
        status.addListener((obs, old, now) -> log.append(now));
        return log;
    }

    /** Appends one line, in order, on the log's own thread. */
    void append(String line) {
        writer.execute(() -> {
            try {
                Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot append to the status log " + file + ": " + e.getMessage());
            }
        });
    }
}
