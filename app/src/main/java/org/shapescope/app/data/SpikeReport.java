package org.shapescope.app.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shapescope.analysis.run.LossCurve;
import org.shapescope.analysis.spikes.LossSpike;
import org.shapescope.analysis.spikes.PrecursorChange;
import org.shapescope.analysis.spikes.SpikeDetection;
import org.shapescope.analysis.spikes.SpikePrecursors;
import org.shapescope.viewer.data.MetricGrid;

/**
 * The loss spikes of a run and, per spike and layer, what one metric did over the checkpoints
 * before it (docs/MEASURES.md, "Loss spikes"): what {@code shapescope spikes} prints and the
 * explorer's Spikes view shows. Pure computation on a loss curve and a metric grid.
 *
 * @param metric     the metric's name
 * @param detection  how spikes were found
 * @param precursors how the changes before them were measured
 * @param spikes     the spikes, in step order, each with one row per layer of the grid
 */
public record SpikeReport(String metric, SpikeDetection detection, SpikePrecursors precursors, List<Spike> spikes) {

    /** One spike and its per-layer changes. */
    public record Spike(LossSpike spike, List<PrecursorChange> layers) {
    }

    public SpikeReport {
        spikes = List.copyOf(spikes);
    }

    /** Detects the spikes of {@code loss} and measures {@code grid}'s layers before each. */
    public static SpikeReport of(LossCurve loss, MetricGrid grid, SpikeDetection detection, SpikePrecursors precursors) {
        long[] steps = grid.steps();
        int[] layers = grid.layers();
        double[][] values = new double[layers.length][steps.length];
        for (int l = 0; l < layers.length; l++) {
            for (int s = 0; s < steps.length; s++) {
                values[l][s] = grid.value(l, s);
            }
        }
        List<Spike> spikes = new ArrayList<>();
        for (LossSpike spike : detection.detect(loss)) {
            spikes.add(new Spike(spike, precursors.of(spike, steps, layers, values)));
        }
        return new SpikeReport(grid.metric(), detection, precursors, spikes);
    }

    /** The spikes' onset steps, for markers on a figure. */
    public List<Long> onsets() {
        return spikes.stream().map(s -> s.spike().onsetStep()).toList();
    }

    /** The parameters in one line, e.g. "window 50 rows, k 5, merge gap 3; baseline 8 differences, |z| ≥ 3". */
    public String parameters() {
        return String.format(Locale.ROOT, "window %d rows, k %s, merge gap %d; baseline %d differences, |z| \u2265 %s",
                detection.window(), number(detection.k()), detection.mergeGap(), precursors.baselineDifferences(),
                number(precursors.zThreshold()));
    }

    /** The report as text: one block per spike, one line per layer. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Loss spikes (").append(parameters()).append("): ").append(spikes.size()).append('\n');
        for (Spike entry : spikes) {
            LossSpike s = entry.spike();
            out.append(String.format(Locale.ROOT, "%nspike at step %d (peak %d, until %d): loss %.4g over a median of %.4g, "
                            + "+%.3g = %.1f robust deviations; %s before it:%n",
                    s.onsetStep(), s.peakStep(), s.endStep(), s.peakLoss(), s.baseline(), s.height(), s.heightInScales(), metric));
            out.append(String.format(Locale.ROOT, "  %5s  %15s  %10s  %8s  %7s  %5s  %15s  %8s%n",
                    "layer", "from → to", "change", "z", "reads", "lead", "across onset", "z"));
            for (PrecursorChange row : entry.layers()) {
                if (!row.note().isEmpty() && Double.isNaN(row.change())) {
                    out.append(String.format(Locale.ROOT, "  %5d  %s%n", row.layer(), row.note()));
                    continue;
                }
                out.append(String.format(Locale.ROOT, "  %5d  %15s  %10s  %8s  %7s  %5s  %15s  %8s%n", row.layer(),
                        row.previousStep() + " → " + row.lastStep(), signed(row.change()), fixed(row.z()),
                        row.direction(precursors.zThreshold()).label(), row.leadSteps() < 0 ? "-" : Long.toString(row.leadSteps()),
                        row.afterStep() < 0 ? "-" : signed(row.afterChange()) + " @" + row.afterStep(), fixed(row.afterZ())));
            }
        }
        return out.toString();
    }

    /** The report as a JSON-ready map (non-finite numbers as null). */
    public Map<String, Object> json() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("metric", metric);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("window", detection.window());
        params.put("k", detection.k());
        params.put("merge_gap", detection.mergeGap());
        params.put("baseline", precursors.baselineDifferences());
        params.put("z_threshold", precursors.zThreshold());
        report.put("parameters", params);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Spike entry : spikes) {
            LossSpike s = entry.spike();
            Map<String, Object> spike = new LinkedHashMap<>();
            spike.put("onset", s.onsetStep());
            spike.put("peak", s.peakStep());
            spike.put("end", s.endStep());
            spike.put("peak_loss", finite(s.peakLoss()));
            spike.put("baseline", finite(s.baseline()));
            spike.put("height", finite(s.height()));
            spike.put("height_in_deviations", finite(s.heightInScales()));
            spike.put("flagged_rows", s.flaggedRows());
            List<Map<String, Object>> layers = new ArrayList<>();
            for (PrecursorChange row : entry.layers()) {
                Map<String, Object> layer = new LinkedHashMap<>();
                layer.put("layer", row.layer());
                layer.put("from_step", row.previousStep() < 0 ? null : row.previousStep());
                layer.put("to_step", row.lastStep() < 0 ? null : row.lastStep());
                layer.put("change", finite(row.change()));
                layer.put("baseline_median", finite(row.baselineMedian()));
                layer.put("baseline_scale", finite(row.baselineScale()));
                layer.put("baseline_count", row.baselineCount());
                layer.put("z", finite(row.z()));
                layer.put("reads", row.direction(precursors.zThreshold()).name().toLowerCase(Locale.ROOT));
                layer.put("lead", row.leadSteps() < 0 ? null : row.leadSteps());
                layer.put("after_step", row.afterStep() < 0 ? null : row.afterStep());
                layer.put("after_change", finite(row.afterChange()));
                layer.put("after_z", finite(row.afterZ()));
                if (!row.note().isEmpty()) {
                    layer.put("note", row.note());
                }
                layers.add(layer);
            }
            spike.put("layers", layers);
            list.add(spike);
        }
        report.put("spikes", list);
        return report;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static String signed(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.4g", value);
    }

    static String fixed(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.2f", value);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
