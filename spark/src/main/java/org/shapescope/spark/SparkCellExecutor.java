package org.shapescope.spark;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellExecutor;
import org.shapescope.analysis.grid.CellTask;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs a grid's cells on a Spark cluster: one Spark task per cell. Only the {@link CellTask}
 * values are shipped (a few hundred bytes: the cell, its checkpoint's path and layout, the
 * estimators and parameters); each task reads its own layer from storage through
 * {@link org.shapescope.analysis.format.CheckpointSource#readLayer} and sends back a
 * {@link CellReply} of tens of bytes.
 *
 * <p>Outcomes reach the {@link Sink} on the calling thread as each task finishes (the job's
 * per-partition result handler queues them), so the engine stores every finished cell at once: a
 * job that dies keeps what finished, and a rerun computes only the rest. Spark reruns the tasks of
 * a lost executor elsewhere. A driver left without any executor for {@link #executorWait()} — the
 * cluster vanished, or never had free cores — cancels the job and throws
 * {@link ClusterUnavailableException} instead of waiting for ever.
 *
 * <p>Why a task per cell and not per checkpoint: a cell's task reads only its layer's record
 * batches (with the batch index the driver learnt), so grouping by checkpoint reads no fewer bytes,
 * while per-cell tasks keep coarse-to-fine order, balance better, and lose less on a failure
 * (measured in docs/SCALING.md).
 */
public final class SparkCellExecutor implements CellExecutor {
    /** How long a driver waits without any live executor before giving up, unless told otherwise. */
    public static final Duration DEFAULT_EXECUTOR_WAIT = Duration.ofSeconds(120);
    private static final AtomicInteger JOBS = new AtomicInteger();

    private final JavaSparkContext spark;
    private final Duration executorWait;

    public SparkCellExecutor(JavaSparkContext spark) {
        this(spark, DEFAULT_EXECUTOR_WAIT);
    }

    /** @param executorWait how long the job may have no live executor before it fails */
    public SparkCellExecutor(JavaSparkContext spark, Duration executorWait) {
        this.spark = Objects.requireNonNull(spark, "spark");
        if (executorWait.isNegative() || executorWait.isZero()) {
            throw new IllegalArgumentException("executorWait must be positive: " + executorWait);
        }
        this.executorWait = executorWait;
    }

    public Duration executorWait() {
        return executorWait;
    }

    @Override
    public void execute(List<CellTask> tasks, Sink sink, Cancellation cancellation) throws InterruptedException {
        if (tasks.isEmpty() || cancellation.isCancelled()) {
            return;
        }
        SparkContext context = spark.sc();
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        String group = "shapescope-grid-" + JOBS.incrementAndGet();
        context.setJobGroup(group, tasks.size() + " Shapescope cells", true);
        SimpleFutureAction<BoxedUnit> job;
        try {
            // One partition per task, in the engine's order: Spark starts a stage's tasks by partition index.
            RDD<CellTask> cells = spark.parallelize(tasks, tasks.size()).rdd();
            job = context.submitJob(cells, new ComputeCell(), partitions(tasks.size()),
                    (index, reply) -> {
                        arrivals.add(new Arrival((Integer) index, reply));
                        return BoxedUnit.UNIT;
                    },
                    () -> BoxedUnit.UNIT);
        } finally {
            context.clearJobGroup();
        }
        cancellation.onCancel(job::cancel);
        collect(tasks, sink, cancellation, arrivals, job);
    }

    private void collect(List<CellTask> tasks, Sink sink, Cancellation cancellation, BlockingQueue<Arrival> arrivals,
                         SimpleFutureAction<BoxedUnit> job) throws InterruptedException {
        int delivered = 0;
        long lastExecutorSeen = System.nanoTime();
        try {
            while (delivered < tasks.size()) {
                if (cancellation.isCancelled()) {
                    return;
                }
                Arrival arrival = arrivals.poll(200, TimeUnit.MILLISECONDS);
                if (arrival != null) {
                    CellTask task = tasks.get(arrival.index());
                    sink.finished(task, arrival.reply().outcomeOf(task));
                    delivered++;
                    continue;
                }
                if (job.isCompleted() && arrivals.isEmpty()) {
                    throw failureOf(job, delivered, tasks.size());
                }
                long now = System.nanoTime();
                if (hasExecutors()) {
                    lastExecutorSeen = now;
                } else if (now - lastExecutorSeen > executorWait.toNanos()) {
                    throw new ClusterUnavailableException("no Spark executor for " + executorWait.toSeconds() + " s at "
                            + spark.master() + ": the cluster is gone or has no free cores; " + delivered + " of "
                            + tasks.size() + " cells were done and are kept in the store, a rerun computes the rest");
                }
            }
        } finally {
            if (!job.isCompleted()) {
                job.cancel();
            }
        }
    }

    /** True when some executor is registered (in local mode the driver is the executor). */
    private boolean hasExecutors() {
        return spark.sc().isLocal() || spark.sc().statusTracker().getExecutorInfos().length > 1;
    }

    private ClusterUnavailableException failureOf(SimpleFutureAction<BoxedUnit> job, int delivered, int total) {
        Try<BoxedUnit> result = job.value().get();
        String reason = result.isFailure() ? firstLine(result.failed().get()) : "the job ended without every cell";
        return new ClusterUnavailableException("the Spark job at " + spark.master() + " failed after " + delivered + " of "
                + total + " cells (kept in the store, a rerun computes the rest): " + reason,
                result.isFailure() ? result.failed().get() : null);
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static scala.collection.immutable.Seq<Object> partitions(int count) {
        List<Integer> indices = IntStream.range(0, count).boxed().toList();
        return (scala.collection.immutable.Seq) CollectionConverters.asScala(indices).toSeq();
    }

    /** A task's reply with the index of its partition (= its task). */
    private record Arrival(int index, CellReply reply) {
    }
}
