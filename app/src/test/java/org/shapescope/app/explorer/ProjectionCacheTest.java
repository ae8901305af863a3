package org.shapescope.app.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.viewer.data.Projection;

class ProjectionCacheTest {
    private static Projection projection() {
        return new Projection(new double[] {0, 1}, new double[] {1, 0}, Map.of(), null, new double[] {0.6, 0.4});
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        ProjectionCache<CellKey, Projection> cache = new ProjectionCache<>(2);
        Projection a = projection();
        Projection b = projection();
        cache.put(new CellKey(0, 0), a);
        cache.put(new CellKey(0, 1), b);
        assertThat(cache.get(new CellKey(0, 0))).isSameAs(a); // a is now the most recent
        cache.put(new CellKey(0, 2), projection());
        assertThat(cache.get(new CellKey(0, 1))).isNull();
        assertThat(cache.get(new CellKey(0, 0))).isSameAs(a);
        assertThat(cache.size()).isEqualTo(2);
    }
}
