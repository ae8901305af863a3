package org.shapescope.app.cli;

import java.io.PrintWriter;
import org.shapescope.analysis.ErrorText;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shapescope} command line: subcommands for scripts and CI. */
@Command(name = "shapescope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A microscope for the geometry of transformer activations.%n"
                + "With no arguments, or with a run folder, opens the desktop app.",
        subcommands = {InspectCommand.class, AnalyzeCommand.class, RenderCommand.class, WatchCommand.class, SpikesCommand.class, ImportNpyCommand.class,
                BenchCommand.class})
public final class ShapescopeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ShapescopeCommand());
        String metrics = metricsFooter();
        for (String name : new String[] {"analyze", "render", "watch", "spikes"}) {
            commandLine.getSubcommands().get(name).getCommandSpec().usageMessage().footer(metrics);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("shapescope: " + oneLine(exception));
            return 2;
        });
        return commandLine.execute(args);
    }

    static String oneLine(Throwable exception) {
        return ErrorText.firstLine(exception);
    }

    /** The registered estimators with their descriptions, for the help of the commands that take metrics. */
    static String metricsFooter() {
        StringBuilder text = new StringBuilder("%nMetrics (docs/MEASURES.md):%n");
        for (Estimator estimator : Estimators.all()) {
            text.append(String.format("  %-22s %s", estimator.name(), estimator.description().replace("%", "%%"))).append("%n");
        }
        return text.toString();
    }
}
