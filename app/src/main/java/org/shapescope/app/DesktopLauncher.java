package org.shapescope.app;

import javafx.application.Application;

/** Starts the JavaFX application (kept apart from {@link Main} so the CLI never loads JavaFX). */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(ShapescopeApp.class, args);
    }
}
