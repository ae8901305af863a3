package org.shapescope.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a Shapescope driver. Settings given by the user (spark-submit's
 * {@code --conf}, {@code spark.*} system properties, {@code --conf} of shapescope-spark) win; what
 * is added:
 * <ul>
 *   <li>always: no driver web UI, single-threaded BLAS in each executor (one core per task);</li>
 *   <li>for a loopback master ({@code local[…]}, {@code local-cluster[…]}, {@code spark://127.0.0.1:…}):
 *       the driver on 127.0.0.1 ({@code spark.driver.host}/{@code bindAddress}), Spark's scratch
 *       ({@code spark.local.dir} unless {@code SPARK_LOCAL_DIRS} says, the executors' {@code java.io.tmpdir}) under {@code scratch}, and
 *       this JVM's class path as the executors' ({@code spark.executor.extraClassPath}), since they
 *       run on this machine from the same Maven build.</li>
 * </ul>
 */
public final class DriverSettings {
    private static final Pattern LOOPBACK = Pattern.compile(
            "local(\\[.*])?|local-cluster\\[.*]|spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?");

    private DriverSettings() {
    }

    /**
     * @param master  the master URL, or null for spark-submit's ({@code spark.master}), else {@code local[*]}
     * @param scratch where a loopback cluster keeps Spark's scratch
     * @param extra   more settings (they win over everything but spark-submit's)
     */
    public static SparkConf of(String master, String appName, Path scratch, Map<String, String> extra) {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", "local[*]");
        }
        conf.setIfMissing("spark.app.name", appName);
        extra.forEach(conf::set);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        if (isLoopback(conf.get("spark.master"))) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            Path tmp = scratch.resolve("tmp").toAbsolutePath();
            if (System.getenv("SPARK_LOCAL_DIRS") == null) {
                conf.setIfMissing("spark.local.dir", scratch.resolve("local").toAbsolutePath().toString());
            }
            conf.setIfMissing("spark.executor.extraJavaOptions", "-Djava.io.tmpdir=" + tmp);
            if (!conf.contains("spark.jars")) {
                conf.setIfMissing("spark.executor.extraClassPath", classPath());
            }
        }
        return conf;
    }

    /** True for masters on this machine only. */
    public static boolean isLoopback(String master) {
        return LOOPBACK.matcher(master).matches();
    }

    /**
     * This JVM's class path: under Maven Surefire the real test class path (its own
     * {@code java.class.path} may be one manifest-only jar), else {@code java.class.path}.
     */
    public static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
