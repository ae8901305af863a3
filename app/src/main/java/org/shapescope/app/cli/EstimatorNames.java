package org.shapescope.app.cli;

import java.util.Iterator;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;

/** The registered estimator names, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts. */
final class EstimatorNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Estimators.all().stream().map(Estimator::name).iterator();
    }
}
