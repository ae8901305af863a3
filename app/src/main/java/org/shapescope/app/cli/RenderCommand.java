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
import org.shapescope.analysis.run.RunInspection;
import org.shapescope.app.data.AlignedLayerProjections;
import org.shapescope.app.data.CellProjections;
import org.shapescope.app.data.GrideCurves;
import org.shapescope.app.data.MetricGrids;
import org.shapescope.app.ui.views.ExplorerView;
import org.shapescope.app.ui.views.ExplorerViews;
import org.shapescope.app.ui.views.FigureInputs;
import org.shapescope.app.ui.views.MetricLabels;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.data.ProjectionSeries;
import org.shapescope.analysis.geometry.ProjectionAlignment;
import org.shapescope.viewer.data.RunGrid;
import org.shapescope.viewer.data.ScaleCurve;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;
import org.shapescope.viewer.export.PrintSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shapescope render RUN [RUN_B …] --view V --metric M --out FILE}: one figure of the desktop
 * app at a print size, written without a display (java.awt.headless, no JavaFX toolkit). The view is
 * any registered {@link ExplorerView}; grid values come from the grid engine through the run's
 * result cache, the projection reads the one layer it shows. Further runs are compared with the
 * first, as in the explorer: profile and trajectory overlay them, the difference view subtracts
 * the second from the first.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes one figure of a run (as the desktop app draws it) to PNG, SVG or PDF, without a display.%n"
                + "Exit status: 0 written, 1 written but some cells failed, 2 unusable run or bad arguments.")
final class RenderCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "1..*",
            description = "the run folder; further runs are compared with it (views profile, trajectory, difference)")
    List<Path> runs;

    @Option(names = "--view", required = true, paramLabel = "V", description = "one of: ${COMPLETION-CANDIDATES}",
            completionCandidates = ViewIds.class)
    String view;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "anisotropy",
            description = "metric id (heatmap, profile, trajectory; default: ${DEFAULT-VALUE})")
    String metricId;

    @Option(names = "--step", paramLabel = "S", description = "training step shown/marked (default: the last)")
    Long step;

    @Option(names = "--layer", paramLabel = "L", description = "layer shown/marked (default: the last)")
    Integer layer;

    @Option(names = "--colour-by", paramLabel = "C",
            description = "projection colour: position, sequence, token_id, norm (default: position)")
    String colourBy;

    @Option(names = "--align", paramLabel = "FRAME",
            description = "projection frame: independent (the cell's own PCA), procrustes (every checkpoint of the layer "
                    + "rotated onto its neighbour's, chained from the last), common (one PCA basis for the layer); the aligned "
                    + "ones keep the axis range of all the layer's checkpoints (default: independent)")
    String align;

    @Option(names = "--find", paramLabel = "TOKEN",
            description = "projection: mark the tokens whose text is TOKEN (surrounding spaces ignored) or, as id:N, token id N")
    String find;

    @Option(names = "--size", paramLabel = "P", defaultValue = "column",
            description = "print width preset: column (3.25 in) or page (6.75 in) (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--width", paramLabel = "W", description = "print width with its unit, e.g. 8.5cm, 3.5in, 240pt (instead of --size)")
    String width;

    @Option(names = "--height", paramLabel = "H", description = "print height with its unit (default: the width × the view's aspect)")
    String height;

    @Option(names = "--font-size", paramLabel = "PT", defaultValue = "8",
            description = "axis-label size in points at the print size; ticks are 7/8 of it, at least 6 (default: ${DEFAULT-VALUE})")
    double fontPt;

    @Option(names = "--dpi", paramLabel = "D", defaultValue = "300", description = "PNG resolution (default: ${DEFAULT-VALUE})")
    double dpi;

    @Option(names = "--svg-text-as-paths", description = "SVG only: draw text as glyph outlines instead of <text> in DejaVu Sans")
    boolean svgTextAsPaths;

    @Option(names = "--relative-depth", description = "profile only: x as layer / last layer, which aligns models of different depth")
    boolean relativeDepth;

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

    /** The registered view ids, for the help text. */
    static final class ViewIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ExplorerViews.all().stream().map(ExplorerView::id).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ExplorerView kind = ExplorerViews.parse(view);
        ExportFormat format = formatOf(out);
        if (svgTextAsPaths && format != ExportFormat.SVG) {
            throw new IllegalArgumentException("--svg-text-as-paths applies to .svg output only");
        }
        Estimator metric = Estimators.named(metricId);
        double widthPt = width != null ? PrintSize.parseLength(width) : PrintSize.Preset.parse(size).widthPt();
        PrintSize print = new PrintSize(widthPt, height != null ? PrintSize.parseLength(height) : widthPt * kind.aspect(),
                fontPt, dpi);
        PointValue colour = colourBy == null ? PointValue.POSITION : pointValue(colourBy);
        List<RunFolder> folders = new ArrayList<>();
        for (Path run : runs) {
            java.util.Optional<RunFolder> usable = UsableRun.open(run, ResultStore.none(), spec.commandLine().getErr());
            if (usable.isEmpty()) {
                return RunInspection.UNUSABLE;
            }
            folders.add(usable.get());
        }
        RunFolder folder = folders.get(0);
        long[] steps = folder.steps();
        int stepIdx = step == null ? steps.length - 1 : indexOf(steps, step, "--step", "steps");
        List<Integer> layers = folder.layers();
        int layerIdx = layer == null ? layers.size() - 1 : layers.indexOf(layer);
        if (layerIdx < 0) {
            throw new IllegalArgumentException("--layer " + layer + " is not in the run; layers: " + layers);
        }
        List<CellFailure> failures = Collections.synchronizedList(new ArrayList<>());
        RunInputs inputs = new RunInputs(folder, folders.subList(1, folders.size()), metric, stepIdx, layerIdx, colour,
                failures);
        Drawable figure = kind.render(inputs, print.style().withValueLabels(MetricLabels::axisLabel));
        if (logSteps && !inputs.logStepsAsked) {
            throw new IllegalArgumentException("--log-steps applies to --view heatmap and difference only (the trajectory's step axis is always logarithmic)");
        }
        if (relativeDepth && !inputs.relativeDepthAsked) {
            throw new IllegalArgumentException("--relative-depth applies to --view profile only");
        }
        if (folders.size() > 1 && !inputs.comparedAsked) {
            throw new IllegalArgumentException("several runs apply to --view profile, trajectory and difference only");
        }
        if (colourBy != null && !inputs.colourAsked) {
            throw new IllegalArgumentException("--colour-by applies to --view projection only");
        }
        if ((align != null || find != null) && !inputs.projectionAsked) {
            throw new IllegalArgumentException("--align and --find apply to --view projection only");
        }
        if (format == ExportFormat.SVG) {
            FigureExport.svg(figure, print, svgTextAsPaths, out);
        } else {
            FigureExport.write(figure, format, print, out);
        }
        failures.forEach(f -> spec.commandLine().getErr().println("shapescope: " + f));
        return failures.isEmpty() ? RunInspection.USABLE : RunInspection.PARTLY_USABLE;
    }

    /**
     * The run's data for a view, computed when the view first asks: the metric's grid through
     * the engine and cache, or the selected cell's projection. Records which options were read,
     * so an option the view does not use is reported instead of ignored.
     */
    private final class RunInputs implements FigureInputs {
        private final RunFolder folder;
        private final List<RunFolder> others;
        private final Estimator metric;
        private final int stepIdx;
        private final int layerIdx;
        private final PointValue colour;
        private final List<CellFailure> failures;
        private MetricGrid grid;
        private Projection projection;
        private ProjectionSeries series;
        private List<RunGrid> compared;
        boolean projectionAsked;
        boolean logStepsAsked;
        boolean colourAsked;
        boolean relativeDepthAsked;
        boolean comparedAsked;

        RunInputs(RunFolder folder, List<RunFolder> others, Estimator metric, int stepIdx, int layerIdx, PointValue colour,
                List<CellFailure> failures) {
            this.folder = folder;
            this.others = others;
            this.metric = metric;
            this.stepIdx = stepIdx;
            this.layerIdx = layerIdx;
            this.colour = colour;
            this.failures = failures;
        }

        @Override
        public MetricGrid grid() throws InterruptedException {
            if (grid == null) {
                grid = computeGrid(folder, metric, failures);
            }
            return grid;
        }

        @Override
        public LossCurve loss() {
            return folder.loss().map(MetricGrids::loss).orElse(null);
        }

        @Override
        public String runName() {
            return folder.metadata().name();
        }

        @Override
        public List<RunGrid> compared() throws InterruptedException {
            comparedAsked = true;
            if (compared == null) {
                compared = new ArrayList<>();
                for (RunFolder other : others) {
                    compared.add(new RunGrid(other.metadata().name(), computeGrid(other, metric, failures),
                            other.loss().map(MetricGrids::loss).orElse(null)));
                }
            }
            return compared;
        }

        @Override
        public boolean relativeDepth() {
            relativeDepthAsked = true;
            return relativeDepth;
        }

        @Override
        public Projection projection() throws java.io.IOException {
            projectionAsked = true;
            if (projection == null) {
                Checkpoint checkpoint = folder.checkpoints().get(stepIdx);
                ProjectionAlignment frame = alignment();
                if (frame == ProjectionAlignment.INDEPENDENT) {
                    projection = CellProjections.of(checkpoint.readLayer(folder.layers().get(layerIdx)));
                } else {
                    int layerNumber = folder.layers().get(layerIdx);
                    List<Checkpoint> holding = folder.checkpoints().stream()
                            .filter(c -> c.tokensPerLayer().containsKey(layerNumber)).toList();
                    series = AlignedLayerProjections.of(holding, layerNumber, frame, () -> false,
                            note -> spec.commandLine().getErr().println("shapescope: " + note));
                    projection = series.projection(holding.indexOf(checkpoint));
                }
                if (!projection.available().contains(colour)) {
                    throw new IllegalArgumentException(checkpoint.file() + " has no " + colour.label() + " column to colour by");
                }
            }
            return projection;
        }

        @Override
        public double[] projectionRange() throws java.io.IOException {
            projection();
            return series == null ? null : series.range();
        }

        @Override
        public String projectionQuery() {
            return find;
        }

        @Override
        public ScaleCurve grideCurve() throws java.io.IOException {
            Checkpoint checkpoint = folder.checkpoints().get(stepIdx);
            return GrideCurves.of(checkpoint.readLayer(folder.layers().get(layerIdx)), checkpoint.step(),
                    measure.parameters().withThreads(Runtime.getRuntime().availableProcessors()));
        }

        @Override
        public int stepIdx() {
            return stepIdx;
        }

        @Override
        public int layerIdx() {
            return layerIdx;
        }

        @Override
        public boolean stepGiven() {
            return step != null;
        }

        @Override
        public boolean layerGiven() {
            return layer != null;
        }

        @Override
        public boolean logSteps() {
            logStepsAsked = true;
            return logSteps;
        }

        @Override
        public PointValue colourBy() {
            colourAsked = true;
            return colour;
        }
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
        return MetricGrids.of(folder, metric, parameters, collected.results());
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

    private ProjectionAlignment alignment() {
        if (align == null) {
            return ProjectionAlignment.INDEPENDENT;
        }
        return switch (align.trim().toLowerCase(Locale.ROOT)) {
            case "independent" -> ProjectionAlignment.INDEPENDENT;
            case "procrustes" -> ProjectionAlignment.PROCRUSTES;
            case "common" -> ProjectionAlignment.COMMON_BASIS;
            default -> throw new IllegalArgumentException("--align must be independent, procrustes or common, not " + align);
        };
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
