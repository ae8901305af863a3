package org.shapescope.app;

import java.nio.file.Files;
import org.shapescope.app.cli.ShapescopeCommand;

/**
 * The entry point of shapescope.jar. A plain class (not a JavaFX {@code Application}), because the
 * JavaFX launcher refuses to start an {@code Application} main class from the class path.
 * With no arguments, or with a run folder (optionally {@code --store FILE}), it opens the desktop
 * app; otherwise it runs a command-line subcommand.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (DesktopArguments.matches(args, Files::isDirectory)) {
            int status = DesktopLauncher.launch(args);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        System.exit(ShapescopeCommand.run(args));
    }
}
