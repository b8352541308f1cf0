package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Size limits and the C23 shapes: big fan-outs, deep chains and a 20,000-task cycle. */
class LargeJobTest {

    /** Far below the default thread stack, so any recursion per task would overflow. */
    private static final long SMALL_STACK_BYTES = 256 * 1024;

    private final JobValidator validator = new JobValidator(ValidationLimits.defaults());

    @Test
    void acceptsAHundredThousandTaskChain() {
        ObjectNode body = Fixtures.chain("big-chain", 100_000, "T%06d", false);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        Validation outcome = validator.validate(body);
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
        long millis = (System.nanoTime() - started) / 1_000_000;

        // Printed, not asserted: wall time depends on what else the build machine runs.
        System.out.printf(
                "validated 100,000 tasks and 99,999 dependences in %d ms (%d ms CPU)%n",
                millis, cpuMillis);
        assertThat(outcome).isInstanceOf(Validation.Valid.class);
        assertThat(((Validation.Valid) outcome).job().tasks()).hasSize(100_000);
        assertThat(((Validation.Valid) outcome).job().dependences()).hasSize(99_999);
    }

    @Test
    void refusesATwentyThousandTaskCycleOnASmallStack() throws InterruptedException {
        ObjectNode body = Fixtures.chain("c23-deepcycle", 20_000, "C%05d", true);

        Validation outcome = onSmallStack(() -> validator.validate(body));

        assertThat(outcome).isInstanceOf(Validation.Invalid.class);
        Violation first = ((Validation.Invalid) outcome).first();
        assertThat(first.code()).isEqualTo("InvalidParameterValue.DependenceUnfeasible");
        assertThat(first.detail()).contains("'C00000'", "'C00019'", "20000 tasks in all");
        assertThat(first.fields())
                .hasSize(DependenceReader.CYCLE_FIELDS_LISTED)
                .startsWith("Job.Dependences[0]");
    }

    @Test
    void acceptsTheC23FanOutOfTenThousandTasks() {
        List<String> middle = IntStream.range(0, 10_000).mapToObj("T%05d"::formatted).toList();
        ObjectNode body =
                Fixtures.job(
                        "c23-fan",
                        java.util.stream.Stream.of(List.of("R"), middle, List.of("J"))
                                .flatMap(List::stream)
                                .toList());
        middle.forEach(name -> Fixtures.edge(body, "R", name));
        middle.forEach(name -> Fixtures.edge(body, name, "J"));

        assertThat(validator.validate(body)).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void acceptsTheC23TaskOfTenThousandInstances() {
        ObjectNode body = Fixtures.job("c23-inst", List.of("J"));
        ((ArrayNode) body.path("Job").path("Tasks")).insert(0, Fixtures.task("F", 10_000));
        Fixtures.edge(body, "F", "J");

        Validation outcome = validator.validate(body);

        assertThat(outcome).isInstanceOf(Validation.Valid.class);
        assertThat(((Validation.Valid) outcome).job().tasks().get(0).taskInstanceNum())
                .isEqualTo(10_000);
    }

    @Test
    void acceptsTheC23ChainOfFiveThousandTasksOnASmallStack() throws InterruptedException {
        ObjectNode body = Fixtures.chain("c23-chain", 5_000, "C%04d", false);

        assertThat(onSmallStack(() -> validator.validate(body)))
                .isInstanceOf(Validation.Valid.class);
    }

    @Test
    void refusesMoreTasksThanTheLimitAndStatesIt() {
        ObjectNode body = Fixtures.chain("too-many", 100_001, "T%06d", false);

        assertLimit(validator.validate(body), "Job.Tasks", "100000");
    }

    @Test
    void refusesMoreDependencesThanTheConfiguredLimit() {
        JobValidator strict = new JobValidator(FixedLimits.DEFAULTS.withMaxDependences(2));
        ObjectNode body = Fixtures.chain("edges", 4, "T%d", false);

        assertLimit(strict.validate(body), "Job.Dependences", "2 dependences");
    }

    @Test
    void refusesMoreTasksThanTheConfiguredLimit() {
        JobValidator strict = new JobValidator(FixedLimits.DEFAULTS.withMaxTasks(3));

        assertLimit(
                strict.validate(Fixtures.chain("four", 4, "T%d", false)),
                "Job.Tasks",
                "limit of 3 tasks");
    }

    @Test
    void refusesMoreInstancesPerJobThanTheLimit() {
        List<String> names = IntStream.range(0, 21).mapToObj("T%d"::formatted).toList();
        ObjectNode body = Fixtures.job("wide", names);
        body.path("Job")
                .path("Tasks")
                .forEach(t -> ((ObjectNode) t).put("TaskInstanceNum", 10_000));

        assertLimit(validator.validate(body), "Job.Tasks", "200000 instances per job");
    }

    private static void assertLimit(Validation outcome, String field, String words) {
        assertThat(outcome).isInstanceOf(Validation.Invalid.class);
        Violation first = ((Validation.Invalid) outcome).first();
        assertThat(first.code()).isEqualTo("LimitExceeded");
        assertThat(first.fields()).containsExactly(field);
        assertThat(first.detail()).contains(words);
    }

    private static Validation onSmallStack(java.util.function.Supplier<Validation> work)
            throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread =
                new Thread(
                        null,
                        () -> {
                            try {
                                result.set(work.get());
                            } catch (Throwable failure) {
                                result.set(failure);
                            }
                        },
                        "small-stack",
                        SMALL_STACK_BYTES);
        thread.start();
        thread.join();
        assertThat(result.get()).isNotInstanceOf(Throwable.class);
        return (Validation) result.get();
    }
}
