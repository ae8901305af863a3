package org.shapescope.analysis.geometry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of estimators: the one place an {@link Estimator} is registered. The command line's
 * {@code --metrics} and its help, the app's metric chooser, the store keys and the CSV columns all
 * come from here, in this order.
 */
public final class Estimators {
    /** Registration: one line per estimator (the trailing commas keep an addition to one line). */
    private static final List<Estimator> ALL = List.of(new Estimator[] {
        new Anisotropy(),
        new UncenteredAnisotropy(),
        new MeanCosine(),
        new IsoScore(),
        new TwoNearestNeighbours(),
        new LevinaBickelMle(),
        new PersistentHomologyDimension(),
        new PcaDimension(),
        new ParticipationRatio(),
        new RankMe(),
        new Gride(),
        new LayerLinearity(),
        new CentredLayerLinearity(),
    });

    private Estimators() {
    }

    /** Every registered estimator, in registration order. */
    public static List<Estimator> all() {
        return ALL;
    }

    /** The estimator with this name (case-insensitive), if one is registered. */
    public static Optional<Estimator> find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(e -> e.name().equals(wanted)).findFirst();
    }

    /** The estimator with this name; IllegalArgumentException listing the registered names otherwise. */
    public static Estimator named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown metric '" + name.trim()
                + "'; valid: " + names()));
    }

    /** The estimators named, in the order given, each once. */
    public static List<Estimator> named(List<String> names) {
        LinkedHashSet<Estimator> chosen = new LinkedHashSet<>();
        for (String name : names) {
            chosen.add(named(name));
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no metrics requested; valid: " + names());
        }
        return new ArrayList<>(chosen);
    }

    /** As {@link #named(List)}: the estimators of these names, in this order. */
    public static List<Estimator> of(String... names) {
        return named(List.of(names));
    }

    /** The registered names, comma-separated. */
    public static String names() {
        return ALL.stream().map(Estimator::name).collect(Collectors.joining(", "));
    }
}
