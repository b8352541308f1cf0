package dev.drover.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.job.JobSnapshot.TaskProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSnapshotTest {

    @Test
    void aJobThatReadsFinishedBeforeItsLastTaskIsNotSettledYet() {
        JobSnapshot early =
                new JobSnapshot(
                        "job-1",
                        "n",
                        "SUCCEED",
                        "",
                        List.of(
                                new TaskProgress("a", "SUCCEED", 3, 3, 0, 0),
                                new TaskProgress("b", "RUNNABLE", 1, 0, 0, 0)));
        JobSnapshot settled =
                new JobSnapshot(
                        "job-1",
                        "n",
                        "FAILED",
                        "task a failed",
                        List.of(
                                new TaskProgress("a", "FAILED", 3, 2, 1, 0),
                                new TaskProgress("b", "FAILED", 1, 0, 1, 0)));

        assertThat(early.isFinished()).isTrue();
        assertThat(early.isSettled()).isFalse();
        assertThat(settled.isSettled()).isTrue();
    }
}
