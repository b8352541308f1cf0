package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CycleFinderTest {

    @Test
    void findsNoCycleInADiamond() {
        assertThat(cycle(4, 0, 1, 0, 2, 1, 3, 2, 3)).isEmpty();
    }

    @Test
    void findsNoCycleWithoutEdges() {
        assertThat(cycle(3)).isEmpty();
    }

    @Test
    void findsASelfLoop() {
        assertThat(cycle(2, 0, 1, 1, 1)).containsExactly(1);
    }

    @Test
    void findsTheCycleInEdgeDirectionStartingAtTheFirstTask() {
        assertThat(cycle(3, 1, 2, 2, 0, 0, 1)).containsExactly(0, 1, 2);
    }

    @Test
    void leavesOutTasksLeadingIntoOrHangingOffTheCycle() {
        // 0 -> 1 -> 2 -> 1, and 2 -> 3: 0 leads in, 3 hangs off.
        assertThat(cycle(4, 0, 1, 1, 2, 2, 1, 2, 3)).containsExactly(1, 2);
    }

    @Test
    void reportsOneOfTwoCyclesWhenThereAreSeveral() {
        List<Integer> found = cycle(4, 2, 3, 3, 2, 0, 1, 1, 0);

        assertThat(found).isIn(List.of(0, 1), List.of(2, 3));
    }

    @Test
    void walksAChainOfAMillionTasksWithoutRecursion() {
        int n = 1_000_000;
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = i;
            to[i] = (i + 1) % n;
        }

        List<Integer> found = new CycleFinder(n, from, to).findCycle();

        assertThat(found).hasSize(n).startsWith(0, 1, 2).endsWith(n - 1);
    }

    private static List<Integer> cycle(int n, int... pairs) {
        int[] from = new int[pairs.length / 2];
        int[] to = new int[pairs.length / 2];
        for (int i = 0; i < from.length; i++) {
            from[i] = pairs[2 * i];
            to[i] = pairs[2 * i + 1];
        }
        return new CycleFinder(n, from, to).findCycle();
    }
}
