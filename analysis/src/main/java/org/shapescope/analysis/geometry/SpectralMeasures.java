package org.shapescope.analysis.geometry;

import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** The measures computed from all finite tokens: the spectrum-based ones and the mean cosine. */
final class SpectralMeasures {

    private SpectralMeasures() {
    }

    static void addTo(Map<Metric, MeasureResult> out, Set<Metric> metrics, FiniteRows finite, int d,
                      String note, int threads, BooleanSupplier cancelled) {
        int rows = finite.rows();
        int dropped = finite.dropped();
        boolean centredNeeded = metrics.contains(Metric.ANISOTROPY) || metrics.contains(Metric.ISOSCORE)
                || metrics.contains(Metric.PCA_DIM) || metrics.contains(Metric.PARTICIPATION_RATIO);
        if (centredNeeded) {
            CovarianceSpectrum centred = null;
            String refusal = null;
            if (rows < 2) {
                refusal = "needs at least 2 finite tokens, got " + rows;
            } else {
                centred = CovarianceSpectrum.of(finite.values(), rows, d, true, threads, cancelled);
                if (!(centred.total() > 0)) {
                    refusal = "all columns constant: no variance";
                }
            }
            for (Metric m : new Metric[] {Metric.ANISOTROPY, Metric.ISOSCORE, Metric.PCA_DIM, Metric.PARTICIPATION_RATIO}) {
                if (!metrics.contains(m)) {
                    continue;
                }
                if (refusal != null) {
                    out.put(m, MeasureResult.refused(rows, dropped, CellAnalyzer.join(refusal, note)));
                } else if (m == Metric.ISOSCORE && d < 2) {
                    out.put(m, MeasureResult.refused(rows, dropped, CellAnalyzer.join("needs d >= 2", note)));
                } else {
                    out.put(m, new MeasureResult(value(m, centred), rows, dropped, note));
                }
            }
        }
        if (metrics.contains(Metric.ANISOTROPY_UNCENTERED)) {
            BlockWorkers.checkCancelled(cancelled);
            MeasureResult r;
            if (rows < 1) {
                r = MeasureResult.refused(rows, dropped, CellAnalyzer.join("no finite tokens", note));
            } else {
                CovarianceSpectrum raw = CovarianceSpectrum.of(finite.values(), rows, d, false, threads, cancelled);
                r = raw.total() > 0
                        ? new MeasureResult(UncenteredAnisotropy.of(raw), rows, dropped, note)
                        : MeasureResult.refused(rows, dropped, CellAnalyzer.join("all values zero", note));
            }
            out.put(Metric.ANISOTROPY_UNCENTERED, r);
        }
        if (metrics.contains(Metric.MEAN_COSINE)) {
            BlockWorkers.checkCancelled(cancelled);
            MeanCosine c = MeanCosine.of(finite.values(), rows, d);
            int lost = dropped + c.zeroRows();
            String cosNote = c.zeroRows() == 0 ? note
                    : CellAnalyzer.join(note, "skipped " + c.zeroRows() + " zero-length rows");
            out.put(Metric.MEAN_COSINE, Double.isNaN(c.value())
                    ? MeasureResult.refused(c.used(), lost, CellAnalyzer.join("needs at least 2 non-zero finite tokens", cosNote))
                    : new MeasureResult(c.value(), c.used(), lost, cosNote));
        }
    }

    private static double value(Metric m, CovarianceSpectrum centred) {
        return switch (m) {
            case ANISOTROPY -> Anisotropy.of(centred);
            case ISOSCORE -> IsoScore.of(centred);
            case PCA_DIM -> PcaDimension.of(centred);
            case PARTICIPATION_RATIO -> ParticipationRatio.of(centred);
            default -> throw new IllegalArgumentException(m.id());
        };
    }
}
