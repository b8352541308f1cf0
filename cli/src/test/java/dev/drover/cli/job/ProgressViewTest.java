package dev.drover.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    private static JobSnapshot job(String state, JobSnapshot.TaskProgress... tasks) {
        return new JobSnapshot("job-abcd1234", "wordcount", state, "", List.of(tasks));
    }

    @Test
    void aBarFillsWithFinishedInstances() {
        String block =
                ProgressView.render(
                        job(
                                "RUNNING",
                                new JobSnapshot.TaskProgress("split", "SUCCEED", 1, 1, 0, 0),
                                new JobSnapshot.TaskProgress(
                                        "count-words", "RUNNING", 4, 2, 0, 2)));

        assertThat(block)
                .startsWith("job-abcd1234 wordcount  RUNNING\n")
                .contains("split        SUCCEED            [########################] 1/1")
                .contains(
                        "count-words  RUNNING            [############------------] 2/4"
                                + "  running 2");
    }

    @Test
    void withoutATerminalAnUnchangedJobIsPrintedOnce() {
        StringWriter text = new StringWriter();
        ProgressView view = new ProgressView(new PrintWriter(text), false);
        JobSnapshot running =
                job("RUNNING", new JobSnapshot.TaskProgress("a", "RUNNING", 2, 1, 0, 1));

        view.show(running, 1);
        view.show(running, 2);
        view.show(job("SUCCEED", new JobSnapshot.TaskProgress("a", "SUCCEED", 2, 2, 0, 0)), 3);

        assertThat(text.toString().split("job-abcd1234", -1)).hasSize(3);
        assertThat(text.toString()).doesNotContain("\033[");
    }

    @Test
    void onATerminalTheBlockIsRedrawnInPlace() {
        StringWriter text = new StringWriter();
        ProgressView view = new ProgressView(new PrintWriter(text), true);
        JobSnapshot running =
                job("RUNNING", new JobSnapshot.TaskProgress("a", "RUNNING", 2, 1, 0, 1));

        view.show(running, 1);
        view.show(running, 2);

        // Two lines of job and task plus the elapsed line: the second draw moves up three.
        assertThat(text.toString()).contains("\033[3A").contains("elapsed 2 s");
    }

    @Test
    void failedInstancesAreCountedAsDoneAndShown() {
        String block =
                ProgressView.render(
                        job("FAILED", new JobSnapshot.TaskProgress("b", "FAILED", 2, 1, 1, 0)));

        assertThat(block).contains("2/2  failed 1");
        assertThat(
                        ProgressView.unsuccessful(
                                job(
                                        "FAILED",
                                        new JobSnapshot.TaskProgress("b", "FAILED", 2, 1, 1, 0))))
                .containsExactly("b FAILED");
    }
}
