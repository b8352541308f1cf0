package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Offset/Limit rules of C21. */
class PageRequestTest {

    @Test
    void usesTheDefaultLimitWhenNoneIsGiven() {
        PageRequest.Outcome outcome =
                PageRequest.fromQuery(
                        null, null, PageRequest.JOBS_DEFAULT_LIMIT, PageRequest.JOBS_MAX_LIMIT);

        assertThat(outcome.violation()).isNull();
        assertThat(outcome.page()).isEqualTo(new PageRequest(0, 20));
    }

    @Test
    void acceptsAnOffsetPastTheEnd() {
        assertThat(PageRequest.fromQuery("30", "10", 20, 100).page())
                .isEqualTo(new PageRequest(30, 10));
    }

    @Test
    void refusesALimitAboveTheMaximumNamingLimitAndTheMaximum() {
        Violation violation = PageRequest.fromQuery(null, "101", 20, 100).violation();

        assertThat(violation.code()).isEqualTo("InvalidParameterValue");
        assertThat(violation.detail()).contains("Limit", "100");
        assertThat(violation.fields()).containsExactly("Limit");
    }

    @Test
    void refusesNegativeLimitAndOffset() {
        assertThat(PageRequest.fromQuery(null, "-1", 20, 100).violation().code())
                .isEqualTo("InvalidParameterValue.Negative");
        assertThat(PageRequest.fromQuery("-1", null, 20, 100).violation().code())
                .isEqualTo("InvalidParameterValue.Negative");
    }

    @Test
    void refusesTextAndHugeNumbersWithoutThrowing() {
        assertThat(PageRequest.fromQuery("ten", null, 20, 100).violation().fields())
                .containsExactly("Offset");
        assertThat(PageRequest.fromQuery(null, "9223372036854775808", 20, 100).violation().code())
                .isEqualTo("InvalidParameterValue");
        assertThat(
                        PageRequest.fromJson(
                                        Fixtures.MAPPER.createObjectNode().put("Limit", 1.5),
                                        100,
                                        1000)
                                .violation()
                                .detail())
                .contains("Limit");
    }

    @Test
    void appliesTheInstanceListLimits() {
        assertThat(
                        PageRequest.fromQuery(
                                        "200",
                                        null,
                                        PageRequest.INSTANCES_DEFAULT_LIMIT,
                                        PageRequest.INSTANCES_MAX_LIMIT)
                                .page())
                .isEqualTo(new PageRequest(200, 100));
        assertThat(PageRequest.fromQuery(null, "1001", 100, 1000).violation().detail())
                .contains("1000");
    }
}
