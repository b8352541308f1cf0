package dev.drover.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    private final List<Double> hundred =
            IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

    @Test
    void percentilesTakeTheNearestRank() {
        assertThat(Stats.percentile(hundred, 50)).isEqualTo(50.0);
        assertThat(Stats.percentile(hundred, 90)).isEqualTo(90.0);
        assertThat(Stats.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(Stats.of(7), 99)).isEqualTo(7.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(Stats.of(3, 1, 2))).isEqualTo(2.0);
        assertThat(Stats.median(Stats.of(4, 1, 2, 3))).isEqualTo(2.5);
    }

    @Test
    void noSampleGivesNotANumberRatherThanAnError() {
        assertThat(Stats.percentile(List.of(), 50)).isNaN();
        assertThat(Stats.median(List.of())).isNaN();
    }
}
