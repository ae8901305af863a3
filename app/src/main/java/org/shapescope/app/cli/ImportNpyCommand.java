package org.shapescope.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shapescope.analysis.npy.NpyImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code shapescope import-npy SRC RUN}: converts step_N/layer_L.npy dumps into a run folder. */
@Command(name = "import-npy", mixinStandardHelpOptions = true,
        description = "Converts numpy dumps SRC/step_<N>/layer_<L>.npy (2-D float16/float32, tokens x hidden), "
                + "with optional tokens.npy, sequence.npy, position.npy and tokens.txt per step and run.json/loss.csv, "
                + "into the run folder RUN (one Arrow file per step).")
final class ImportNpyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SRC", description = "folder of step_<N>/ dumps")
    Path source;

    @Parameters(index = "1", paramLabel = "RUN", description = "run folder to write (created if needed)")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NpyImporter.Summary summary = NpyImporter.importRun(source, target, line -> spec.commandLine().getErr().println(line));
        spec.commandLine().getOut().printf("imported %d checkpoints, %d layers, %d tokens x %d into %s%n",
                summary.checkpoints(), summary.layers(), summary.tokens(), summary.hiddenSize(), target.toAbsolutePath());
        return 0;
    }
}
