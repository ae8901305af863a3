package org.shapescope.app.ui.views;

import java.util.List;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.data.RunGrid;
import org.shapescope.viewer.data.ScaleCurve;

/**
 * What a headless figure may draw from: the selected cell and the data of a run, computed on
 * first request (the grid of the chosen metric, or one cell's projection), and the render
 * options. {@code shapescope render} implements it; a view asks only for what it uses.
 */
public interface FigureInputs {

    /** The chosen metric over every (checkpoint, layer) cell; computed on first call. */
    MetricGrid grid() throws Exception;

    /** The run's name (run.json's name), for legends when runs are compared. */
    String runName();

    /**
     * The other runs to compare with (render RUN_A RUN_B …), each with its grid of the same metric
     * and parameters; computed on first call; empty for one run.
     */
    List<RunGrid> compared() throws Exception;

    /** The run's training loss, or null when it has none. */
    LossCurve loss();

    /**
     * The projection of the selected cell, read on first call: its own PCA, or in the frame
     * {@link #projectionRange()} belongs to when an alignment was asked for.
     */
    Projection projection() throws Exception;

    /**
     * Fixed axis ranges {minX, maxX, minY, maxY} of the layer's aligned series (every checkpoint in
     * one frame) when an alignment was asked for, else null (the axes fit the points).
     */
    double[] projectionRange() throws Exception;

    /** Token search whose hits the projection marks ({@code TokenSearch}), or null for none. */
    String projectionQuery();

    /** GRIDE's intrinsic dimension against scale for the selected cell; computed on first call. */
    ScaleCurve grideCurve() throws Exception;

    /** Index of the selected checkpoint (the last unless given). */
    int stepIdx();

    /** Index of the selected layer (the last unless given). */
    int layerIdx();

    /** Whether the checkpoint / layer was given explicitly (then it is also marked). */
    boolean stepGiven();

    boolean layerGiven();

    /** Profile x as relative depth (layer / last layer). */
    boolean relativeDepth();

    /** Heatmap x as log10(step). */
    boolean logSteps();

    /** Per-point value that colours a projection. */
    PointValue colourBy();
}
