package org.shapescope.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The footer index that {@link CheckpointWriter} stores so that a reader learns which batch holds
 * which layer without reading the batches: one entry per record batch, in file order, separated by
 * ';', each a ','-separated list of {@code layer:rows}. Example for two batches: {@code 0:512;1:512}.
 */
final class BatchIndex {
    private BatchIndex() {
    }

    static String format(List<SortedMap<Integer, Integer>> batches) {
        StringBuilder text = new StringBuilder();
        for (SortedMap<Integer, Integer> batch : batches) {
            if (text.length() > 0) {
                text.append(';');
            }
            StringBuilder entry = new StringBuilder();
            batch.forEach((layer, rows) -> {
                if (entry.length() > 0) {
                    entry.append(',');
                }
                entry.append(layer).append(':').append(rows);
            });
            text.append(entry);
        }
        return text.toString();
    }

    /** The index, or null when it is absent or does not match the file (then the caller scans). */
    static List<SortedMap<Integer, Integer>> parse(String text, int batchCount) {
        List<SortedMap<Integer, Integer>> batches = parse(text);
        return batches != null && batches.size() == batchCount ? batches : null;
    }

    /** The index whatever its batch count (a stream's count is known only after reading it), or null. */
    static List<SortedMap<Integer, Integer>> parse(String text) {
        if (text == null) {
            return null;
        }
        List<SortedMap<Integer, Integer>> batches = new ArrayList<>();
        try {
            for (String entry : text.isEmpty() ? new String[0] : text.split(";", -1)) {
                SortedMap<Integer, Integer> batch = new TreeMap<>();
                for (String pair : entry.isEmpty() ? new String[0] : entry.split(",")) {
                    int colon = pair.indexOf(':');
                    int layer = Integer.parseInt(pair.substring(0, colon));
                    int rows = Integer.parseInt(pair.substring(colon + 1));
                    if (layer < 0 || rows < 0) {
                        return null;
                    }
                    batch.put(layer, rows);
                }
                batches.add(batch);
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return batches;
    }
}
