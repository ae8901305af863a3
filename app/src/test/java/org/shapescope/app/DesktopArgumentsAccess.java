package org.shapescope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.shapescope.analysis.store.ResultStore;

/** The desktop app's store choice for tests in other packages: {@code shapescope RUN --store FILE}. */
public final class DesktopArgumentsAccess {
    private DesktopArgumentsAccess() {
    }

    public static Function<Path, ResultStore> stores(Path run, Path store) {
        return DesktopArguments.parse(List.of(run.toString(), "--store", store.toString())).stores();
    }
}
