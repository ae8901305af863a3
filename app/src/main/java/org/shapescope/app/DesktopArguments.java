package org.shapescope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;

/**
 * The desktop app's command line: {@code shapescope [RUN [--store FILE]]}. With {@code --store} the
 * run opens together with a result store kept elsewhere (one a cluster job filled, e.g.
 * {@code shapescope-spark analyze RUN --store FILE}), so its cells appear without recomputation;
 * runs opened later from the window use their own store.
 *
 * @param run   the run folder to open, if one was given
 * @param store the store to open it with, if one was given
 */
record DesktopArguments(Optional<Path> run, Optional<Path> store) {

    /** The arguments Main hands to the desktop app: none, a folder, or a folder and --store FILE. */
    static DesktopArguments parse(List<String> args) {
        if (args.isEmpty()) {
            return new DesktopArguments(Optional.empty(), Optional.empty());
        }
        Optional<Path> run = Optional.of(Path.of(args.get(0)));
        if (args.size() == 3 && args.get(1).equals("--store")) {
            return new DesktopArguments(run, Optional.of(Path.of(args.get(2))));
        }
        return new DesktopArguments(run, Optional.empty());
    }

    /** True when {@code args} are this form (so Main starts the desktop app, not a subcommand). */
    static boolean matches(String[] args, java.util.function.Predicate<Path> isFolder) {
        return args.length == 0 || (!args[0].startsWith("-") && isFolder.test(Path.of(args[0]))
                && (args.length == 1 || (args.length == 3 && args[1].equals("--store"))));
    }

    /** The result store of a run folder: the given one for the given run, the run's own otherwise. */
    Function<Path, ResultStore> stores() {
        Optional<Path> given = run.map(p -> p.toAbsolutePath().normalize());
        return folder -> store.isPresent() && given.isPresent() && given.get().equals(folder.toAbsolutePath().normalize())
                ? SqliteResultStore.at(store.get()) : SqliteResultStore.forRun(folder);
    }
}
