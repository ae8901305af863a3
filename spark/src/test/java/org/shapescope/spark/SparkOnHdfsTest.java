package org.shapescope.spark;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.spark.cli.ShapescopeSpark;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code shapescope-spark analyze} on runs read through Hadoop's {@code FileSystem}: a real HDFS
 * (a MiniDFSCluster: NameNode and DataNode in this JVM, on 127.0.0.1, scratch under
 * target/spark-scratch) holding a copy of the bundled sample run, and a {@code file://} URI. The
 * Spark job runs in {@code local[2]}; every cell is compared with the local engine on the local
 * copy ({@link SameNumbers}), and the store the job filled is read back by the local engine without
 * computing anything (same {@code FileIdentity} through HDFS as through java.nio).
 */
@Timeout(300)
class SparkOnHdfsTest {
    private static final Path SAMPLE = Path.of("..", "sample-data", "tiny-decoder").toAbsolutePath().normalize();
    private static final String METRICS = "anisotropy,twonn,mle,pca_dim,rankme";
    /** Reading whole files per cell would read the run 7 times (7 layers); per-layer reads stay well under 3 times. */
    private static final double MOST_RUN_READS = 3.0;

    private static MiniDFSCluster hdfs;
    private static FileSystem fs;
    private static String root;
    private static Map<CellKey, CellResult> here;

    @TempDir
    Path dir;

    @BeforeAll
    static void startHdfs() throws Exception {
        File base = SparkTestScratch.path().resolve("hdfs").toFile();
        deleteRecursively(base.toPath());
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        hdfs = new MiniDFSCluster.Builder(conf, base).numDataNodes(1).build();
        hdfs.waitActive();
        fs = hdfs.getFileSystem();
        root = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
        here = SparkTestRuns.computedHere(SAMPLE);
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void aRunOnHdfsGivesTheLocalEnginesNumbersAndReadsOnlyEachCellsLayer() throws Exception {
        long runBytes = copyToHdfs(SAMPLE, "/runs/tiny-decoder", null);
        Path store = dir.resolve("results.sqlite");
        long readBefore = hdfsBytesRead();
        Outcome job = analyze(root + "/runs/tiny-decoder", "--store", store.toString());
        long read = hdfsBytesRead() - readBefore;
        assertThat(job.status()).as(job.err()).isZero();
        assertThat(job.err()).contains("70 cells: 70 computed on local[2]");
        System.out.printf("HDFS: 70 cells, %d bytes read of a %d-byte run (%.2f times the run)%n", read, runBytes,
                (double) read / runBytes);
        assertThat(read).as("bytes read from HDFS").isGreaterThan(runBytes / 2).isLessThan((long) (MOST_RUN_READS * runBytes));
        try (SqliteResultStore results = SqliteResultStore.at(store)) {
            SparkTestRuns.Grid local = SparkTestRuns.grid(RunFolder.open(SAMPLE, results), results, new SameThreadCellExecutor());
            assertThat(local.summary().computed()).as("the local engine finds every cell the job stored").isZero();
            assertThat(local.summary().fromCache()).isEqualTo(70);
            double worst = SparkTestRuns.assertSameNumbers(local.results(), here);
            System.out.printf("HDFS: worst relative difference to the local engine %.1e%n", worst);
        }
    }

    @Test
    void aFileUriIsReadThroughHadoopWithTheRunsOwnStore() throws Exception {
        Path copy = dir.resolve("tiny-decoder");
        copyLocally(SAMPLE, copy);
        Outcome job = analyze("file://" + copy);
        assertThat(job.status()).as(job.err()).isZero();
        assertThat(job.err()).contains("70 cells: 70 computed").contains(copy.resolve(".shapescope-cache").toString());
        try (SqliteResultStore results = SqliteResultStore.forRun(copy)) {
            SparkTestRuns.Grid local = SparkTestRuns.grid(RunFolder.open(copy, results), results, new SameThreadCellExecutor());
            assertThat(local.summary().computed()).isZero();
            SparkTestRuns.assertSameNumbers(local.results(), here);
        }
    }

    @Test
    void aTruncatedFileOnHdfsIsOneLineNamingItsUriAndTheRestIsComputed() throws Exception {
        copyToHdfs(SAMPLE, "/runs/broken", name -> name.equals("step-000000.arrow") || name.equals("step-000004.arrow"));
        byte[] whole = Files.readAllBytes(SAMPLE.resolve("step-000004.arrow"));
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path("/runs/broken/step-000004.arrow"), true)) {
            out.write(Arrays.copyOf(whole, whole.length / 2));
        }
        Outcome job = analyze(root + "/runs/broken", "--store", dir.resolve("broken.sqlite").toString());
        assertThat(job.status()).as(job.err()).isEqualTo(1);
        List<String> aboutIt = job.err().lines().filter(line -> line.contains("step-000004.arrow")).toList();
        assertThat(aboutIt).hasSize(1);
        assertThat(aboutIt.get(0)).startsWith("shapescope-spark: error: " + root + "/runs/broken/step-000004.arrow: ")
                .contains("truncated");
        assertThat(job.err()).contains("7 cells: 7 computed");
    }

    @Test
    void aRunNotOnThisMachineNeedsAStore() throws Exception {
        Outcome job = analyze(root + "/runs/anything");
        assertThat(job.status()).isEqualTo(2);
        assertThat(job.err().lines().filter(line -> line.startsWith("shapescope-spark:")).toList()).containsExactly(
                "shapescope-spark: " + root + "/runs/anything is not on this machine: give --store PATH, a local SQLite file for"
                        + " the results");
    }

    @Test
    void aFileSystemThatCannotBeReachedIsOneLine() throws Exception {
        // Port 1 refuses; no connection retries (a Hadoop setting passed as Spark passes them: spark.hadoop.*).
        Outcome job = analyze("hdfs://127.0.0.1:1/runs/x", "--store", dir.resolve("none.sqlite").toString(),
                "--conf", "spark.hadoop.ipc.client.connect.max.retries=0");
        assertThat(job.status()).isEqualTo(2);
        List<String> lines = job.err().lines().filter(line -> line.startsWith("shapescope-spark:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("shapescope-spark: hdfs://127.0.0.1:1/runs/x: cannot be reached (").contains("refused");

        Outcome s3 = analyze("s3a://bucket/runs/x", "--store", dir.resolve("none.sqlite").toString());
        assertThat(s3.status()).isEqualTo(2);
        assertThat(s3.err().lines().filter(line -> line.startsWith("shapescope-spark:")).toList()).singleElement().asString()
                .startsWith("shapescope-spark: s3a://bucket/runs/x: cannot be reached (no Hadoop FileSystem for s3a:// on the class path")
                .endsWith("add hadoop-aws (docs/SCALING.md))");
    }

    private record Outcome(int status, String err) {
    }

    /** shapescope-spark analyze in this JVM, local[2], with the sample's estimators and parameters; its standard error. */
    private static Outcome analyze(String run, String... more) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            String[] args = Stream.concat(Stream.of("analyze", run, "--master", "local[2]", "--metrics", METRICS, "--tokens",
                    "200", "--seed", "7"), Arrays.stream(more)).toArray(String[]::new);
            status = ShapescopeSpark.run(args);
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        original.print(err);
        return new Outcome(status, err);
    }

    /** Copies a run's files to HDFS, keeping each file's modification time (as hdfs dfs -put -p); returns the bytes copied. */
    private static long copyToHdfs(Path run, String target, java.util.function.Predicate<String> checkpoints) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (checkpoints != null && name.endsWith(".arrow") && !checkpoints.test(name)) {
                    continue;
                }
                org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(target + "/" + name);
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(file.toUri()), to);
                fs.setTimes(to, Files.getLastModifiedTime(file).toMillis(), -1);
                bytes += Files.size(file);
            }
        }
        return bytes;
    }

    private static void copyLocally(Path run, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @SuppressWarnings("deprecation")
    private static long hdfsBytesRead() {
        return FileSystem.getAllStatistics().stream().filter(s -> s.getScheme().equals("hdfs"))
                .mapToLong(FileSystem.Statistics::getBytesRead).sum();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
