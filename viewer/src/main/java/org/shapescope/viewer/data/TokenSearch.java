package org.shapescope.viewer.data;

import java.util.Arrays;

/**
 * Finds the points of a projection whose token a query names, so that a token can be followed
 * through layers and checkpoints (as TensorBoard's projector's search does). A query
 * {@code id:N} matches token id N; any other query matches a token whose text equals it, or
 * equals it once both are stripped of surrounding white space (so "the" finds " the"; a query
 * of white space only matches that exact text). Case matters.
 */
public final class TokenSearch {

    private TokenSearch() {
    }

    /** Points of {@code p} that {@code query} names, ascending; empty for a blank-free empty query. */
    public static int[] matches(Projection p, String query) {
        if (p == null || query == null || query.isEmpty()) {
            return new int[0];
        }
        int[] hits = new int[p.size()];
        int m = 0;
        if (query.startsWith("id:")) {
            double[] ids = p.values(PointValue.TOKEN_ID);
            long id;
            try {
                id = Long.parseLong(query.substring(3).strip());
            } catch (NumberFormatException e) {
                return new int[0];
            }
            if (ids == null) {
                return new int[0];
            }
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == id) {
                    hits[m++] = i;
                }
            }
            return Arrays.copyOf(hits, m);
        }
        String stripped = query.strip();
        for (int i = 0; i < p.size(); i++) {
            String token = p.token(i);
            if (token.equals(query) || (!stripped.isEmpty() && token.strip().equals(stripped))) {
                hits[m++] = i;
            }
        }
        return Arrays.copyOf(hits, m);
    }
}
