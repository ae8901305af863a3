package org.shapescope.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jfree.chart.ui.Drawable;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CoreSplit;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunFolderException;
import org.shapescope.analysis.run.RunInspection;
import org.shapescope.app.data.CellProjections;
import org.shapescope.app.data.FigureKind;
import org.shapescope.app.data.MetricGrids;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;
import org.shapescope.viewer.figure.HeatmapFigure;
import org.shapescope.viewer.figure.LayerProfileFigure;
import org.shapescope.viewer.figure.ProjectionFigure;
import org.shapescope.viewer.figure.TrajectoryFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shapescope render RUN --view V --metric M --out FILE}: one figure of the desktop app,
 * written without a display (java.awt.headless, no JavaFX toolkit). Grid values come from the
 * grid engine through the run's result cache; the projection reads the one layer it shows.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes one figure of a run (as the desktop app draws it) to PNG, SVG or PDF, without a display.%n"
                + "Exit status: 0 written, 1 written but some cells failed, 2 unusable run or bad arguments.")
final class RenderCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "the run folder")
    Path run;

    @Option(names = "--view", required = true, paramLabel = "V", description = "heatmap, profile, trajectory or projection")
    String view;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "anisotropy",
            description = "metric id (heatmap, profile, trajectory; default: ${DEFAULT-VALUE})")
    String metricId;

    @Option(names = "--step", paramLabel = "S", description = "training step shown/marked (default: the last)")
    Long step;

    @Option(names = "--layer", paramLabel = "L", description = "layer shown/marked (default: the last)")
    Integer layer;

    @Option(names = "--colour-by", paramLabel = "C", defaultValue = "position",
            description = "projection colour: position, sequence, token_id, norm (default: ${DEFAULT-VALUE})")
    String colourBy;

    @Option(names = "--scale", paramLabel = "K", defaultValue = "2", description = "PNG pixels per unit (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--width", paramLabel = "W", description = "figure width in pixels at scale 1 / points (default per view)")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "figure height (default per view)")
    Integer height;

    @Option(names = "--log-steps", description = "heatmap only: x as log10(step), cells reaching halfway to their neighbours, instead of checkpoint index")
    boolean logSteps;

    @picocli.CommandLine.Mixin
    MeasureOptions measure;


    @picocli.CommandLine.Mixin
    StoreOptions storeOptions;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output file: .png, .svg or .pdf")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        FigureKind kind = FigureKind.parse(view);
        ExportFormat format = formatOf(out);
        if (logSteps && kind != FigureKind.HEATMAP) {
            throw new IllegalArgumentException("--log-steps applies to --view heatmap only (the trajectory's step axis is always logarithmic)");
        }
        Estimator metric = Estimators.named(metricId);
        if (!(scale > 0) || (width != null && width < 50) || (height != null && height < 50)) {
            throw new IllegalArgumentException("--scale must be positive and --width/--height at least 50");
        }
        RunFolder folder;
        try {
            folder = RunFolder.open(run);
        } catch (RunFolderException e) {
            spec.commandLine().getErr().println("shapescope: " + e.getMessage());
            return RunInspection.UNUSABLE;
        }
        folder.problems().forEach(p -> spec.commandLine().getErr().println("shapescope: " + p));
        if (folder.checkpoints().isEmpty()) {
            spec.commandLine().getErr().println("shapescope: " + folder.directory() + ": no usable checkpoint");
            return RunInspection.UNUSABLE;
        }
        long[] steps = folder.steps();
        int stepIdx = step == null ? steps.length - 1 : indexOf(steps, step, "--step", "steps");
        List<Integer> layers = folder.layers();
        int layerIdx = layer == null ? layers.size() - 1 : layers.indexOf(layer);
        if (layerIdx < 0) {
            throw new IllegalArgumentException("--layer " + layer + " is not in the run; layers: " + layers);
        }
        List<CellFailure> failures = Collections.synchronizedList(new ArrayList<>());
        Drawable figure;
        if (kind == FigureKind.PROJECTION) {
            Checkpoint checkpoint = folder.checkpoints().get(stepIdx);
            LayerData data = checkpoint.readLayer(layers.get(layerIdx));
            Projection projection = CellProjections.of(data);
            PointValue colour = pointValue(colourBy);
            if (!projection.available().contains(colour)) {
                throw new IllegalArgumentException(checkpoint.file() + " has no " + colour.label() + " column to colour by");
            }
            figure = new ProjectionFigure(projection).colourBy(colour)
                    .title("PCA · step " + checkpoint.step() + " · layer " + data.layer()).composite();
        } else {
            MetricGrid grid = computeGrid(folder, metric, failures);
            figure = switch (kind) {
                case HEATMAP -> new HeatmapFigure(grid).selection(step == null ? -1 : stepIdx, layer == null ? -1 : layerIdx)
                        .logStepAxis(logSteps).build();
                case PROFILE -> new LayerProfileFigure(grid, stepIdx).build();
                case TRAJECTORY -> new TrajectoryFigure(grid).layers(layerIdx)
                        .loss(folder.loss().map(MetricGrids::loss).orElse(null))
                        .selectedCheckpoint(step == null ? -1 : stepIdx).build();
                default -> throw new IllegalStateException(kind.toString());
            };
        }
        int w = width == null ? kind.defaultWidth() : width;
        int h = height == null ? kind.defaultHeight() : height;
        FigureExport.write(figure, format, w, h, scale, out);
        failures.forEach(f -> spec.commandLine().getErr().println("shapescope: " + f));
        return failures.isEmpty() ? RunInspection.USABLE : RunInspection.PARTLY_USABLE;
    }

    private MetricGrid computeGrid(RunFolder folder, Estimator metric, List<CellFailure> failures) throws InterruptedException {
        CoreSplit split = CoreSplit.ofMachine(GridEngine.cells(folder).size());
        MeasureParameters parameters = measure.parameters().withThreads(split.threadsPerCell());
        CollectingListener collected = new CollectingListener();
        try (ResultStore store = storeOptions.open(folder.directory())) {
            new GridEngine(folder, List.of(metric), parameters, store, new PoolCellExecutor(split.workers()))
                    .run(collected, new Cancellation());
            store.warnings().forEach(w -> spec.commandLine().getErr().println("shapescope: " + w));
        }
        failures.addAll(collected.failures());
        return MetricGrids.of(folder, metric, collected.results());
    }

    private static int indexOf(long[] values, long value, String option, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(option + " " + value + " is not in the run; " + what + ": "
                + java.util.Arrays.toString(values));
    }

    static ExportFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ExportFormat format : ExportFormat.values()) {
            if (name.endsWith("." + format.extension())) {
                return format;
            }
        }
        throw new IllegalArgumentException("--out must end in .png, .svg or .pdf: " + file);
    }

    static PointValue pointValue(String text) {
        String id = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (PointValue value : PointValue.values()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("--colour-by must be position, sequence, token_id or norm, not '" + text + "'");
    }
}
