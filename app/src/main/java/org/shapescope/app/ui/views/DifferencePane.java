package org.shapescope.app.ui.views;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckBox;
import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.ui.ModelBindings;
import org.shapescope.viewer.HeatmapView;
import org.shapescope.viewer.data.GridDifference;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.HeatmapFigure;

/**
 * The open run minus the first compared run, cell by cell where both have the step and layer
 * ({@link GridDifference}); cells the other run lacks are white and crossed out. Shown while runs are compared; a
 * click selects the cell for every view, as on the heatmap.
 */
final class DifferencePane implements ExplorerView {

    @Override
    public String id() {
        return "difference";
    }

    @Override
    public String title() {
        // ASCII: titles end up as LaTeX figure captions (PaperFiguresTest), where U+2212 is not set up
        return "Difference of runs (A - B)";
    }

    @Override
    public double aspect() {
        return 0.62;
    }

    @Override
    public Drawable render(FigureInputs in, FigureStyle style) throws Exception {
        List<RunGrid> compared = in.compared();
        if (compared.isEmpty()) {
            throw new IllegalArgumentException("--view difference needs two runs: render RUN_A RUN_B --view difference");
        }
        GridDifference difference = GridDifference.of(new RunGrid(in.runName(), in.grid(), null), compared.get(0));
        return new HeatmapFigure(difference)
                .selection(in.stepGiven() ? in.stepIdx() : -1, in.layerGiven() ? in.layerIdx() : -1)
                .logStepAxis(in.logSteps()).style(style).build();
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        HeatmapView view = new HeatmapView();
        CheckBox logSteps = new CheckBox("log step");
        logSteps.setId("difference-log-steps");
        view.differenceProperty().bind(Bindings.createObjectBinding(() -> difference(model), model.gridProperty(),
                model.getComparedRuns(), model.runProperty()));
        ModelBindings.follow(view.selectedCheckpointProperty(), model.selectedCheckpointProperty(), model::selectCheckpoint);
        ModelBindings.follow(view.selectedLayerProperty(), model.selectedLayerProperty(), model::selectLayer);
        view.logStepAxisProperty().bind(logSteps.selectedProperty());
        return new ViewPane(view, logSteps, view::exportFigure, view::setExportHandler, view::export);
    }

    @Override
    public ObservableBooleanValue shownWhen(ExplorerModel model) {
        return Bindings.isNotEmpty(model.getComparedRuns());
    }

    /** A − B for the open run and the first compared one; null while nothing is compared. */
    private static GridDifference difference(ExplorerModel model) {
        MetricGrid grid = model.getGrid();
        if (grid == null || model.getRun() == null || model.getComparedRuns().isEmpty()) {
            return null;
        }
        return GridDifference.of(new RunGrid(model.getRun().metadata().name(), grid, null), model.getComparedRuns().get(0));
    }
}
