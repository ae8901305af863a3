package org.shapescope.analysis.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridScheduleTest {
    @ParameterizedTest
    @CsvSource({"1,1", "1,7", "2,2", "12,13", "11,7", "3,40"})
    void everyCellExactlyOnce(int steps, int layers) {
        List<int[]> order = GridSchedule.order(steps, layers);
        Set<List<Integer>> seen = new HashSet<>();
        order.forEach(c -> seen.add(List.of(c[0], c[1])));
        assertThat(order).hasSize(steps * layers);
        assertThat(seen).hasSize(steps * layers);
    }

    @Test
    void cornersFirstThenTheMiddleLattice() {
        List<int[]> order = GridSchedule.order(11, 7);
        assertThat(order.subList(0, 4)).extracting(c -> List.of(c[0], c[1]))
                .containsExactly(List.of(0, 0), List.of(0, 6), List.of(10, 0), List.of(10, 6));
        // Next: the 3 x 3 lattice (first, middle, last checkpoint x first, middle, last layer) is complete by cell 9.
        Set<List<Integer>> firstNine = new HashSet<>();
        order.subList(0, 9).forEach(c -> firstNine.add(List.of(c[0], c[1])));
        assertThat(firstNine).contains(List.of(5, 3), List.of(0, 3), List.of(10, 3), List.of(5, 0), List.of(5, 6));
    }

    @Test
    void levelsHalveTheAxis() {
        assertThat(GridSchedule.levels(1)).containsExactly(0);
        assertThat(GridSchedule.levels(2)).containsExactly(0, 0);
        assertThat(GridSchedule.levels(5)).containsExactly(0, 2, 1, 2, 0);
        assertThat(GridSchedule.levels(9)).containsExactly(0, 3, 2, 3, 1, 3, 2, 3, 0);
    }
}
