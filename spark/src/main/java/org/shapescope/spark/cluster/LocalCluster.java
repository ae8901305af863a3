package org.shapescope.spark.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on 127.0.0.1 — one Master and N Workers of one core each, as
 * separate JVMs — started from the Maven class path alone, with no Spark distribution. What makes
 * that work (Spark 4.0.1):
 * <ul>
 *   <li>{@code SPARK_LOCAL_IP=127.0.0.1}, else Spark binds to the machine's outward address (and its
 *       web UIs to every address);</li>
 *   <li>each Worker has {@code SPARK_HOME} pointing at a folder with an empty {@code jars/} and
 *       {@code SPARK_SCALA_VERSION=2.13}: the launcher that builds executor command lines needs both
 *       ("Cannot find any build directories"); executors get the classes through the driver's
 *       {@code spark.executor.extraClassPath} ({@link org.shapescope.spark.DriverSettings});</li>
 *   <li>every port is chosen free on 127.0.0.1 (no clash with another cluster on 7077/8080).</li>
 * </ul>
 * State lives in {@code home}: {@code master.url}, one {@code .pid} file per daemon, {@code logs/},
 * the Workers' {@code work/}, Spark's scratch ({@code local/}, {@code tmp/}). Daemons are stopped
 * by their PIDs only, after checking that each PID still runs the Spark class it was started as.
 */
public final class LocalCluster {
    public static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
    public static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    private static final String LOOPBACK = "127.0.0.1";

    private final Path home;
    private final String classPath;

    /** @param classPath the class path of the daemons (Spark's jars and ours, as Maven resolved them) */
    public LocalCluster(Path home, String classPath) {
        this.home = home.toAbsolutePath().normalize();
        this.classPath = classPath;
    }

    public Path home() {
        return home;
    }

    /** A daemon of the cluster: master or worker-N, its PID and whether it still runs. */
    public record Daemon(String name, long pid, boolean alive) {
    }

    /**
     * Starts a Master and {@code workers} Workers and returns the master URL once every Worker has
     * registered.
     *
     * @throws IllegalStateException when this home's cluster already runs, or a daemon does not come up in time
     */
    public String start(int workers, Duration timeout) throws IOException, InterruptedException {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1: " + workers);
        }
        Optional<String> running = masterUrl();
        if (running.isPresent()) {
            throw new IllegalStateException("a local cluster already runs at " + running.get() + " (" + home
                    + "); stop it first");
        }
        removePidFiles();
        for (String folder : List.of("logs", "work", "local", "tmp", "spark-home/jars")) {
            Files.createDirectories(home.resolve(folder));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = freePort();
        launch("master", MASTER_CLASS, List.of("--host", LOOPBACK, "--port", Integer.toString(port),
                "--webui-port", Integer.toString(freePort())));
        String url = "spark://" + LOOPBACK + ":" + port;
        Files.writeString(home.resolve("master.url"), url + "\n");
        waitForPort(port, deadline);
        for (int i = 1; i <= workers; i++) {
            launch("worker-" + i, WORKER_CLASS, List.of("--host", LOOPBACK, "--cores", "1", "--memory", "1g",
                    "--work-dir", home.resolve("work").resolve("worker-" + i).toString(),
                    "--webui-port", Integer.toString(freePort()), url));
        }
        waitForWorkers(workers, deadline);
        return url;
    }

    /** The master URL when this home's master runs. */
    public Optional<String> masterUrl() throws IOException {
        Path file = home.resolve("master.url");
        if (!Files.exists(file) || daemon("master").filter(Daemon::alive).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file).trim());
    }

    /** Every daemon this home has a PID file of, master first. */
    public List<Daemon> status() throws IOException {
        List<Daemon> daemons = new ArrayList<>();
        daemon("master").ifPresent(daemons::add);
        for (int i = 1; Files.exists(pidFile("worker-" + i)); i++) {
            daemon("worker-" + i).ifPresent(daemons::add);
        }
        return daemons;
    }

    /** The live Worker processes, in start order (for fault tests). */
    public List<ProcessHandle> workerProcesses() throws IOException {
        List<ProcessHandle> workers = new ArrayList<>();
        for (Daemon daemon : status()) {
            if (daemon.name().startsWith("worker") && daemon.alive()) {
                ProcessHandle.of(daemon.pid()).ifPresent(workers::add);
            }
        }
        return workers;
    }

    /**
     * Stops every daemon by its PID: SIGTERM (workers first, then the master), SIGKILL for one still
     * alive after {@code grace}. Returns the daemons that were running.
     */
    public List<Daemon> stop(Duration grace) throws IOException, InterruptedException {
        List<Daemon> daemons = status();
        List<Daemon> running = daemons.stream().filter(Daemon::alive).toList();
        List<Daemon> order = new ArrayList<>(running.stream().filter(d -> !d.name().equals("master")).toList());
        running.stream().filter(d -> d.name().equals("master")).forEach(order::add);
        for (Daemon daemon : order) {
            ProcessHandle.of(daemon.pid()).ifPresent(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Daemon daemon : order) {
            Optional<ProcessHandle> process = ProcessHandle.of(daemon.pid());
            while (process.isPresent() && process.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            process.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
        removePidFiles();
        Files.deleteIfExists(home.resolve("master.url"));
        return running;
    }

    private Optional<Daemon> daemon(String name) throws IOException {
        Path file = pidFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(file).trim());
        String mainClass = name.equals("master") ? MASTER_CLASS : WORKER_CLASS;
        boolean alive = ProcessHandle.of(pid).map(p -> JvmProcess.runs(p, mainClass)).orElse(false);
        return Optional.of(new Daemon(name, pid, alive));
    }

    private void launch(String name, String mainClass, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx512m");
        command.add("-Djava.io.tmpdir=" + home.resolve("tmp"));
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SPARK_LOCAL_IP", LOOPBACK);
        env.put("SPARK_HOME", home.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_DIRS", home.resolve("local").toString());
        env.put("OPENBLAS_NUM_THREADS", "1");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        Files.writeString(pidFile(name), process.pid() + "\n");
    }

    private void waitForPort(int port, long deadline) throws InterruptedException, IOException {
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 500);
                return;
            } catch (IOException notYet) {
                requireAlive("master");
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the master did not listen on " + LOOPBACK + ":" + port + " in time; see " + log("master"));
    }

    private void waitForWorkers(int workers, long deadline) throws InterruptedException, IOException {
        while (System.nanoTime() < deadline) {
            if (registeredWorkers() >= workers) {
                return;
            }
            for (int i = 1; i <= workers; i++) {
                requireAlive("worker-" + i);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(registeredWorkers() + " of " + workers + " workers registered in time; see "
                + home.resolve("logs"));
    }

    private long registeredWorkers() throws IOException {
        try (Stream<String> lines = Files.lines(log("master"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("Registering worker")).count();
        } catch (UncheckedIOException e) {
            return 0;
        }
    }

    private void requireAlive(String name) throws IOException {
        if (daemon(name).filter(Daemon::alive).isEmpty()) {
            throw new IllegalStateException("the " + name + " exited at start; see " + log(name));
        }
    }

    private void removePidFiles() throws IOException {
        if (!Files.isDirectory(home)) {
            return;
        }
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Files.delete(file);
            }
        }
    }

    private Path pidFile(String name) {
        return home.resolve(name + ".pid");
    }

    private Path log(String name) {
        return home.resolve("logs").resolve(name + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
