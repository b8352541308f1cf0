package dev.drover.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.State;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRequeued;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TaskStateChanged;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.TaskSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobDeciderTest {

    static final String JOB = "job-1";

    @Test
    void learningAJobMakesRootsRunnableWithoutDispatchingThem() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c06-diamond"));

        assertThat(job.task("A").state()).isEqualTo(State.RUNNABLE);
        assertThat(job.task("D").state()).isEqualTo(State.PENDING);
        assertThat(job.job().state()).isEqualTo(State.RUNNABLE);
        assertThat(job.job().openTasks()).isEqualTo(4);
        assertThat(ready(job, "A")).isEmpty();
        assertThat(jobMoves(job)).containsExactly("SUBMITTED->RUNNABLE");
    }

    @Test
    void diamondJoinIsReleasedOnceWhenCompletionsAreRedelivered() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c06-diamond"));
        InstanceSucceeded a = succeeded("A", 0, 1);
        InstanceSucceeded b = succeeded("B", 0, 1);
        InstanceSucceeded c = succeeded("C", 0, 1);

        job.on(a);
        job.on(a);
        job.on(b);
        assertThat(ready(job, "D")).isEmpty();
        job.on(b);
        job.on(c);
        job.on(c);
        job.on(b);

        assertThat(ready(job, "B")).hasSize(1);
        assertThat(ready(job, "C")).hasSize(1);
        assertThat(ready(job, "D")).singleElement().satisfies(this::isFirstReleaseOfOne);
        assertThat(job.task("D").state()).isEqualTo(State.RUNNABLE);
        job.on(succeeded("D", 0, 1));
        assertThat(job.job().state()).isEqualTo(State.SUCCEED);
        // No RUNNING report came (quick instances report only their end), yet the job ran.
        assertThat(jobMoves(job))
                .containsExactly("SUBMITTED->RUNNABLE", "RUNNABLE->RUNNING", "RUNNING->SUCCEED");
    }

    @Test
    void diamondJoinIsReleasedOnceWhenBothCompletionsArriveTogether() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c06-diamond"));
        job.on(succeeded("A", 0, 1));

        // The same two completions, each delivered twice, interleaved as two racing consumers
        // would see them; the shell serialises them on the job row, so the core sees a sequence.
        for (InstanceSucceeded done :
                List.of(succeeded("C", 0, 1), succeeded("B", 0, 1), succeeded("C", 0, 1))) {
            job.on(done);
        }
        job.on(succeeded("B", 0, 1));

        assertThat(ready(job, "D")).hasSize(1);
        assertThat(job.task("D").pendingPreds()).isZero();
    }

    @Test
    void failedBranchFailsItsDescendantsAtOnceAndTheJobAfterTheIndependentBranch() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c09-branch-fail"));
        job.on(succeeded("A", 0, 1));
        job.on(running("C", 0, 1));
        job.on(succeeded("B", 0, 1));
        job.on(failed("D", 0, 1, FailureKind.EXIT_CODE));

        assertThat(job.task("D").state()).isEqualTo(State.FAILED);
        assertThat(job.task("E").state()).isEqualTo(State.FAILED);
        assertThat(taskMove(job, "E").reason()).isEqualTo("upstream task D failed");
        assertThat(ready(job, "E")).isEmpty();
        assertThat(job.task("C").state()).isEqualTo(State.RUNNING);
        assertThat(job.job().state()).isEqualTo(State.RUNNING);

        job.on(succeeded("C", 0, 1));

        assertThat(job.task("C").state()).isEqualTo(State.SUCCEED);
        assertThat(job.job().state()).isEqualTo(State.FAILED);
        JobStateChanged last = (JobStateChanged) lastOf(job, JobStateChanged.class);
        assertThat(last.reason()).isEqualTo("task D failed");
    }

    @Test
    void failedIndexIsRetriedAloneWithTheSameIndexUntilItsAttemptsAreUsed() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c20-retry-keeps-index"));
        for (int index : List.of(0, 1, 3)) {
            job.on(succeeded("I", index, 1));
        }
        job.on(failed("I", 2, 1, FailureKind.EXIT_CODE));

        assertThat(ready(job, "I"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.attempt()).isEqualTo(2);
                            assertThat(r.instanceIndexes()).containsExactly(2);
                            assertThat(r.task().taskName()).isEqualTo("I");
                            assertThat(r.priority()).isEqualTo(1);
                        });
        assertThat(job.job().state()).isEqualTo(State.RUNNING);

        job.on(failed("I", 2, 1, FailureKind.EXIT_CODE));
        job.on(failed("I", 2, 2, FailureKind.EXIT_CODE));

        assertThat(ready(job, "I")).hasSize(1);
        assertThat(job.instance("I", 2).attempt()).isEqualTo(2);
        assertThat(job.instance("I", 2).state()).isEqualTo(State.FAILED);
        assertThat(job.task("I").state()).isEqualTo(State.FAILED);
        assertThat(job.task("I").succeeded()).isEqualTo(3);
        assertThat(job.job().state()).isEqualTo(State.FAILED);
    }

    @Test
    void anAttemptHandedBackNotStartedIsReleasedAgainWithoutSpendingARetry() {
        // MaxRetryCount 1: two attempts that run.
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c20-retry-keeps-index"));
        job.on(failed("I", 2, 1, FailureKind.NOT_STARTED));

        assertThat(ready(job, "I"))
                .singleElement()
                .satisfies(r -> assertThat(r.instanceIndexes()).containsExactly(2));
        assertThat(job.instance("I", 2).attempt()).isEqualTo(2);

        job.on(failed("I", 2, 2, FailureKind.EXIT_CODE));
        assertThat(ready(job, "I")).hasSize(2);
        assertThat(job.instance("I", 2).attempt()).isEqualTo(3);

        job.on(failed("I", 2, 3, FailureKind.EXIT_CODE));
        assertThat(ready(job, "I")).hasSize(2);
        assertThat(job.instance("I", 2).state()).isEqualTo(State.FAILED);
    }

    @Test
    void requeuedAttemptWaitsRunnableWithoutSpendingARetryAndEveryReleaseCarriesTheJobsChoice() {
        JobSpec spec =
                new JobSpec(
                        "cvm",
                        null,
                        1,
                        List.of(Jobs.task("A", 1, 1), Jobs.task("B", 1, 0)),
                        List.of(new Dependence("A", "B")),
                        DependOn.PRE_TASK_SUCCEED,
                        "RUNNABLE",
                        List.of());
        InMemoryJob job = InMemoryJob.learned(JOB, spec);
        job.on(InstanceStarting.of(JOB, "A", 0, 1));

        job.on(InstanceRequeued.of(JOB, "A", 0, 1, "LimitExceeded.InstanceQuota: full"));

        assertThat(job.instance("A", 0).state()).isEqualTo(State.RUNNABLE);
        assertThat(job.instance("A", 0).attempt()).isEqualTo(1);
        assertThat(job.task("A").state()).isEqualTo(State.RUNNABLE);
        assertThat(ready(job, "A")).isEmpty();

        job.on(InstanceStarting.of(JOB, "A", 0, 1));
        assertThat(job.instance("A", 0).state()).isEqualTo(State.STARTING);
        job.on(failed("A", 0, 1, FailureKind.SETUP));
        assertThat(ready(job, "A"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.attempt()).isEqualTo(2);
                            assertThat(r.stateIfCreateCvmFailed()).isEqualTo("RUNNABLE");
                        });

        job.on(succeeded("A", 0, 2));
        assertThat(ready(job, "B"))
                .singleElement()
                .extracting(TaskReady::stateIfCreateCvmFailed)
                .isEqualTo("RUNNABLE");
    }

    @Test
    void interruptedInstanceIsNeverRetriedAndEndsFailedInterrupted() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c20-retry-keeps-index"));
        for (int index : List.of(0, 1, 3)) {
            job.on(succeeded("I", index, 1));
        }

        job.on(failed("I", 2, 1, FailureKind.INTERRUPTED));

        assertThat(ready(job, "I")).isEmpty();
        assertThat(job.instance("I", 2).state()).isEqualTo(State.FAILED_INTERRUPTED);
        assertThat(job.task("I").state()).isEqualTo(State.FAILED_INTERRUPTED);
        assertThat(job.job().state()).isEqualTo(State.FAILED);
    }

    @Test
    void requeuedNeverMovesAnAttemptThatRanBack() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c20-retry-keeps-index"));
        job.on(running("I", 0, 1));

        job.on(InstanceRequeued.of(JOB, "I", 0, 1, "late"));

        assertThat(job.instance("I", 0).state()).isEqualTo(State.RUNNING);
    }

    @Test
    void reportOfAnOlderAttemptNeverOverridesTheCurrentOne() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c20-retry-keeps-index"));
        job.on(failed("I", 2, 1, FailureKind.EXIT_CODE));

        Decision stale = job.on(succeeded("I", 2, 1));

        assertThat(stale.isIgnored()).isTrue();
        assertThat(job.task("I").succeeded()).isZero();
    }

    @Test
    void terminateFailsPendingTasksAndEndsTheJobWhenTheLastInstanceIsGone() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c06-diamond"));
        job.on(succeeded("A", 0, 1));
        job.on(running("B", 0, 1));

        job.terminate();

        assertThat(job.task("D").state()).isEqualTo(State.FAILED);
        assertThat(taskMove(job, "D").reason()).isEqualTo("terminated");
        assertThat(job.job().state()).isEqualTo(State.RUNNING);

        job.on(failed("B", 0, 1, FailureKind.TERMINATED));
        job.on(succeeded("C", 0, 1));

        assertThat(job.job().state()).isEqualTo(State.FAILED);
        assertThat(((JobStateChanged) lastOf(job, JobStateChanged.class)).reason())
                .isEqualTo("terminated");
        assertThat(ready(job, "D")).isEmpty();
        assertThat(job.terminate().isIgnored()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = FailureKind.class,
            names = {"EXIT_CODE", "NOT_STARTED"})
    void terminatingJobNeverRetriesAFailedAttemptNorReleasesOneHandedBack(FailureKind kind) {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c20-retry-keeps-index"));
        job.terminate();

        job.on(failed("I", 2, 1, kind));

        assertThat(ready(job, "I")).isEmpty();
        assertThat(job.instance("I", 2).state()).isEqualTo(State.FAILED);
    }

    @Test
    void retryReRunsOnlyFailedAndNeverRunWorkInDagOrder() {
        InMemoryJob job = InMemoryJob.learned(JOB, Jobs.fixture("c09-branch-fail"));
        job.on(succeeded("A", 0, 1));
        job.on(succeeded("B", 0, 1));
        job.on(succeeded("C", 0, 1));
        job.on(failed("D", 0, 1, FailureKind.EXIT_CODE));
        assertThat(job.job().state()).isEqualTo(State.FAILED);
        int before = job.published.size();

        job.retry();

        List<Event> retried = job.published.subList(before, job.published.size());
        assertThat(retried)
                .filteredOn(TaskReady.class::isInstance)
                .map(TaskReady.class::cast)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.taskName()).isEqualTo("D");
                            assertThat(r.attempt()).isEqualTo(2);
                        });
        assertThat(job.task("D").state()).isEqualTo(State.RUNNABLE);
        assertThat(job.task("E").state()).isEqualTo(State.PENDING);
        assertThat(job.task("A").state()).isEqualTo(State.SUCCEED);
        assertThat(jobMoves(job)).endsWith("FAILED->RUNNABLE");

        job.on(succeeded("D", 0, 2));
        assertThat(ready(job, "E")).singleElement().satisfies(this::isFirstReleaseOfOne);
        job.on(succeeded("E", 0, 1));
        assertThat(job.job().state()).isEqualTo(State.SUCCEED);
        assertThat(job.retry().isIgnored()).isTrue();
    }

    @Test
    void upstreamFailureEndsAFiveThousandTaskChainWithoutRecursion() {
        List<TaskSpec> tasks = new ArrayList<>();
        List<Dependence> edges = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            tasks.add(Jobs.task("C" + i, 1, 0));
            if (i > 0) {
                edges.add(new Dependence("C" + (i - 1), "C" + i));
            }
        }
        InMemoryJob job =
                InMemoryJob.learned(JOB, Jobs.job(DependOn.PRE_TASK_SUCCEED, tasks, edges));

        job.on(failed("C0", 0, 1, FailureKind.EXIT_CODE));

        assertThat(job.task("C4999").state()).isEqualTo(State.FAILED);
        assertThat(taskMove(job, "C4999").reason()).isEqualTo("upstream task C0 failed");
        assertThat(job.job().state()).isEqualTo(State.FAILED);
    }

    @Test
    void finishedRuleReleasesASuccessorOfAFailedTask() {
        InMemoryJob job =
                InMemoryJob.learned(
                        JOB,
                        Jobs.job(
                                DependOn.PRE_TASK_FINISHED,
                                List.of(Jobs.task("P", 2, 0), Jobs.task("S", 1, 0)),
                                List.of(new Dependence("P", "S"))));
        job.on(failed("P", 0, 1, FailureKind.EXIT_CODE));
        assertThat(ready(job, "S")).isEmpty();

        job.on(succeeded("P", 1, 1));

        assertThat(job.task("P").state()).isEqualTo(State.FAILED);
        assertThat(ready(job, "S")).hasSize(1);
    }

    @Test
    void partlySucceededRuleNeedsOneSucceededInstance() {
        var spec =
                Jobs.job(
                        DependOn.PRE_TASK_AT_LEAST_PARTLY_SUCCEED,
                        List.of(Jobs.task("P", 2, 0), Jobs.task("S", 1, 0)),
                        List.of(new Dependence("P", "S")));
        InMemoryJob partly = InMemoryJob.learned(JOB, spec);
        partly.on(failed("P", 0, 1, FailureKind.EXIT_CODE));
        partly.on(succeeded("P", 1, 1));
        InMemoryJob none = InMemoryJob.learned(JOB, spec);
        none.on(failed("P", 0, 1, FailureKind.EXIT_CODE));
        none.on(failed("P", 1, 1, FailureKind.EXIT_CODE));

        assertThat(ready(partly, "S")).hasSize(1);
        assertThat(ready(none, "S")).isEmpty();
        assertThat(none.task("S").state()).isEqualTo(State.FAILED);
    }

    private void isFirstReleaseOfOne(TaskReady ready) {
        assertThat(ready.attempt()).isEqualTo(1);
        assertThat(ready.instanceIndexes()).containsExactly(0);
    }

    static List<TaskReady> ready(InMemoryJob job, String task) {
        return job.published.stream()
                .filter(TaskReady.class::isInstance)
                .map(TaskReady.class::cast)
                .filter(r -> r.taskName().equals(task))
                .toList();
    }

    static List<String> jobMoves(InMemoryJob job) {
        return job.published.stream()
                .filter(JobStateChanged.class::isInstance)
                .map(JobStateChanged.class::cast)
                .map(m -> m.from() + "->" + m.to())
                .toList();
    }

    static TaskStateChanged taskMove(InMemoryJob job, String task) {
        return job.published.stream()
                .filter(TaskStateChanged.class::isInstance)
                .map(TaskStateChanged.class::cast)
                .filter(m -> m.taskName().equals(task))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    static Event lastOf(InMemoryJob job, Class<?> type) {
        return job.published.stream().filter(type::isInstance).reduce((a, b) -> b).orElseThrow();
    }

    static InstanceSucceeded succeeded(String task, int index, int attempt) {
        return InstanceSucceeded.of(JOB, task, index, attempt, Instant.now(), Instant.now());
    }

    static InstanceRunning running(String task, int index, int attempt) {
        return InstanceRunning.of(JOB, task, index, attempt, Instant.now());
    }

    static InstanceFailed failed(String task, int index, int attempt, FailureKind kind) {
        return InstanceFailed.of(
                JOB, task, index, attempt, kind, 3, "exit 3", Instant.now(), Instant.now());
    }
}
