package org.shapescope.spark.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.shapescope.spark.DriverSettings;
import org.shapescope.spark.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code local-cluster start [--workers N] | status | stop}: a Spark standalone cluster on 127.0.0.1. */
@Command(name = "local-cluster", mixinStandardHelpOptions = true,
        description = "A real Spark standalone cluster on 127.0.0.1 (one Master, N one-core Workers) from the Maven "
                + "class path; daemons are stopped by their PIDs.%nExit status: 0 done (status: the master runs), "
                + "1 not running or failed to start.")
final class LocalClusterCommand implements Callable<Integer> {
    @Parameters(paramLabel = "start|status|stop", description = "what to do")
    String action;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "workers of one core each (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${sys:shapescope.spark.cluster:-target/local-cluster}",
            description = "where PIDs, logs and scratch live (default: ${DEFAULT-VALUE})")
    Path home;

    @Override
    public Integer call() throws Exception {
        LocalCluster cluster = new LocalCluster(home, DriverSettings.classPath());
        switch (action) {
            case "start" -> {
                long start = System.nanoTime();
                String url = cluster.start(workers, Duration.ofSeconds(90));
                System.out.printf("%s: master and %d workers up in %.1f s%n", url, workers, (System.nanoTime() - start) / 1e9);
                print(cluster.status());
                return 0;
            }
            case "status" -> {
                List<LocalCluster.Daemon> daemons = cluster.status();
                if (daemons.isEmpty()) {
                    System.out.println("no local cluster in " + cluster.home());
                    return 1;
                }
                System.out.println(cluster.masterUrl().orElse("the master is not running"));
                print(daemons);
                return cluster.masterUrl().isPresent() ? 0 : 1;
            }
            case "stop" -> {
                List<LocalCluster.Daemon> stopped = cluster.stop(Duration.ofSeconds(15));
                stopped.forEach(d -> System.out.printf("stopped %s (pid %d)%n", d.name(), d.pid()));
                if (stopped.isEmpty()) {
                    System.out.println("nothing was running in " + cluster.home());
                }
                return 0;
            }
            default -> throw new IllegalArgumentException("local-cluster takes start, status or stop, not '" + action + "'");
        }
    }

    private static void print(List<LocalCluster.Daemon> daemons) {
        daemons.forEach(d -> System.out.printf("%-9s pid %-7d %s%n", d.name(), d.pid(), d.alive() ? "running" : "gone"));
    }
}
