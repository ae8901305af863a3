package org.shapescope.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code shapescope-spark}: the grid of a run on an Apache Spark cluster (docs/SCALING.md). The same
 * main class serves {@code spark/bin/shapescope-spark} and {@code spark-submit --class}.
 */
@Command(name = "shapescope-spark", mixinStandardHelpOptions = true,
        description = "Shapescope on Apache Spark: the geometry of every cell of a run computed on a cluster, "
                + "results into the run's SQLite store (docs/SCALING.md).",
        subcommands = {AnalyzeOnSpark.class, LocalClusterCommand.class, BenchOnSpark.class})
public final class ShapescopeSpark {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line in this JVM and returns its exit status. */
    public static int run(String... args) {
        return new CommandLine(new ShapescopeSpark()).execute(args);
    }
}
