package org.shapescope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.shapescope.app.cli.ShapescopeCommand;

/**
 * The entry point of shapescope.jar. A plain class (not a JavaFX {@code Application}), because the
 * JavaFX launcher refuses to start an {@code Application} main class from the class path.
 * With no arguments, or with one folder argument, it opens the desktop app; otherwise it runs a
 * command-line subcommand.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && !args[0].startsWith("-") && Files.isDirectory(Path.of(args[0])))) {
            int status = DesktopLauncher.launch(args);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        System.exit(ShapescopeCommand.run(args));
    }
}
