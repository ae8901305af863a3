package org.shapescope.spark;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.spark.cluster.LocalCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job jar as {@code spark-submit} runs it: a loopback standalone cluster whose Master, Worker and
 * executors have Spark alone on their class path, laid out as a Spark 4.0.1 distribution
 * ({@code SPARK_HOME/jars}: Spark's Maven dependencies with Arrow 18.1, none of Shapescope), and a
 * driver started by {@code org.apache.spark.deploy.SparkSubmit} — spark-submit's own main class —
 * with the same class path, given {@code target/shapescope-spark-job.jar} as the application. The
 * run is a {@code file://} URI (read through Hadoop's file system on the executors) of ZSTD-compressed
 * float16 checkpoints, so Arrow 19's decompression runs inside executors whose Spark has Arrow 18.
 * Runs after {@code package} (the pom's job-jar-test execution, which sets shapescope.jobJar).
 */
@EnabledIfSystemProperty(named = "shapescope.jobJar", matches = ".+")
@Timeout(400)
class SparkJobJarTest {
    @TempDir
    Path dir;

    @Test
    void theJobJarRunsOnAClusterThatHasOnlySpark() throws Exception {
        Path jobJar = Path.of(System.getProperty("shapescope.jobJar"));
        assertThat(jobJar).isRegularFile();
        List<String> spark = new ArrayList<>(Arrays.asList(
                Files.readString(Path.of(System.getProperty("shapescope.sparkClassPath"))).trim().split(File.pathSeparator)));
        try (Stream<Path> arrow = Files.list(Path.of(System.getProperty("shapescope.sparkArrow")))) {
            arrow.sorted().forEach(jar -> spark.add(jar.toString()));
        }
        assertThat(spark).as("Spark's class path").noneMatch(entry -> entry.contains("shapescope") || entry.contains("-19.0.0"))
                .anyMatch(entry -> entry.endsWith("arrow-vector-18.1.0.jar"));
        String sparkClassPath = String.join(File.pathSeparator, spark);

        Path home = SparkTestScratch.path().resolve("job-jar-cluster");
        LocalCluster cluster = new LocalCluster(home, sparkClassPath);
        cluster.stop(Duration.ofSeconds(5)); // a cluster left by an aborted earlier run of this test
        distributionJars(home.resolve("spark-home").resolve("jars"), spark);
        try {
            String master = cluster.start(1, Duration.ofSeconds(150));
            Path run = dir.resolve("run");
            SparkTestRuns.write(run, 2, 3, 240, 12);
            Path store = dir.resolve("results.sqlite");
            Path log = dir.resolve("driver.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "@" + System.getProperty("shapescope.jvmOptions"),
                    "-Djava.io.tmpdir=" + home.resolve("tmp"), "-Dshapescope.spark.scratch=" + home,
                    "-cp", sparkClassPath, "org.apache.spark.deploy.SparkSubmit",
                    "--master", master, "--deploy-mode", "client", "--class", "org.shapescope.spark.cli.ShapescopeSpark",
                    "--conf", "spark.executor.memory=512m",
                    jobJar.toString(), "analyze", run.toUri().toString(), "--store", store.toString(),
                    "--metrics", String.join(",", SparkTestRuns.ESTIMATORS.stream().map(Estimator::name).toList()),
                    "--tokens", Integer.toString(SparkTestRuns.PARAMETERS.neighbourTokens()),
                    "--seed", Long.toString(SparkTestRuns.PARAMETERS.seed()), "--executor-wait", "150"));
            ProcessBuilder driver = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = driver.environment();
            env.put("SPARK_LOCAL_IP", "127.0.0.1");
            env.put("SPARK_HOME", home.resolve("spark-home").toString());
            env.put("SPARK_SCALA_VERSION", "2.13");
            Process process = driver.start();
            boolean ended = process.waitFor(300, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output.lines().filter(line -> line.startsWith("shapescope-spark:")).reduce("", (a, b) -> a + b + "\n"));
            assertThat(ended).as("the driver ended within 300 s:%n%s", output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("6 cells: 6 computed on " + master);

            Map<CellKey, CellResult> here = SparkTestRuns.computedHere(run);
            try (SqliteResultStore results = SqliteResultStore.at(store)) {
                SparkTestRuns.Grid local = SparkTestRuns.grid(RunFolder.open(run, results), results, new SameThreadCellExecutor());
                assertThat(local.summary().computed()).as("every cell is in the store the job filled").isZero();
                SparkTestRuns.assertSameNumbers(local.results(), here);
            }
        } finally {
            cluster.stop(Duration.ofSeconds(15));
        }
    }

    /** SPARK_HOME/jars as a distribution has it: Spark's jars (links), which Workers put on every executor's class path. */
    private static void distributionJars(Path jars, List<String> classPath) throws Exception {
        Files.createDirectories(jars);
        try (Stream<Path> old = Files.list(jars)) {
            for (Path link : old.toList()) {
                Files.delete(link);
            }
        }
        int i = 0;
        for (String entry : classPath) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar")) {
                Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", i++, jar.getFileName())), jar);
            }
        }
    }
}
