package org.shapescope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;

/**
 * The desktop app's command line: {@code shapescope [RUN [RUN_B …] [--store FILE]]}. Runs after the
 * first are compared with it (profile and trajectory overlay them, the difference heatmap subtracts
 * the second). With {@code --store} the first run opens together with a result store kept elsewhere
 * (one a cluster job filled, e.g. {@code shapescope-spark analyze RUN --store FILE}), so its cells
 * appear without recomputation; other runs use their own store.
 *
 * @param run      the run folder to open, if one was given
 * @param compared further run folders to compare with it, in order
 * @param store    the store to open the first with, if one was given
 */
record DesktopArguments(Optional<Path> run, List<Path> compared, Optional<Path> store) {

    /** The arguments Main hands to the desktop app: none, folders, or folders and --store FILE. */
    static DesktopArguments parse(List<String> args) {
        if (args.isEmpty()) {
            return new DesktopArguments(Optional.empty(), List.of(), Optional.empty());
        }
        boolean withStore = args.size() >= 3 && args.get(args.size() - 2).equals("--store");
        List<String> folders = withStore ? args.subList(0, args.size() - 2) : args;
        Optional<Path> store = withStore ? Optional.of(Path.of(args.get(args.size() - 1))) : Optional.empty();
        return new DesktopArguments(Optional.of(Path.of(folders.get(0))),
                folders.subList(1, folders.size()).stream().map(Path::of).toList(), store);
    }

    /** True when {@code args} are this form (so Main starts the desktop app, not a subcommand). */
    static boolean matches(String[] args, java.util.function.Predicate<Path> isFolder) {
        if (args.length == 0) {
            return true;
        }
        int folders = args.length >= 3 && args[args.length - 2].equals("--store") ? args.length - 2 : args.length;
        for (int i = 0; i < folders; i++) {
            if (args[i].startsWith("-") || !isFolder.test(Path.of(args[i]))) {
                return false;
            }
        }
        return folders > 0;
    }

    /** The result store of a run folder: the given one for the first run, the run's own otherwise. */
    Function<Path, ResultStore> stores() {
        Optional<Path> given = run.map(p -> p.toAbsolutePath().normalize());
        return folder -> store.isPresent() && given.isPresent() && given.get().equals(folder.toAbsolutePath().normalize())
                ? SqliteResultStore.at(store.get()) : SqliteResultStore.forRun(folder);
    }
}
