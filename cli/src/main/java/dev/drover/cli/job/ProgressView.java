package dev.drover.cli.job;

import java.io.PrintWriter;
import java.util.List;

/**
 * Draws a job's progress: one line per task with a bar of finished instances. On a terminal the
 * block is redrawn in place; elsewhere (a pipe, a CI log) a new block is printed only when
 * something changed.
 */
public final class ProgressView {

    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private int drawnLines;
    private String last = "";

    public ProgressView(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows {@code job}, {@code elapsedSeconds} after the submission. */
    public void show(JobSnapshot job, long elapsedSeconds) {
        String block = render(job);
        if (!terminal) {
            if (!block.equals(last)) {
                out.print(block);
                out.flush();
            }
            last = block;
            return;
        }
        StringBuilder s = new StringBuilder();
        if (drawnLines > 0) {
            s.append("\033[").append(drawnLines).append('A');
        }
        for (String line :
                (block.stripTrailing() + "\n  elapsed " + elapsedSeconds + " s").split("\n")) {
            s.append("\033[2K").append(line).append('\n');
        }
        drawnLines = (int) s.chars().filter(c -> c == '\n').count();
        out.print(s);
        out.flush();
    }

    /** The block for one snapshot, without terminal control characters. */
    public static String render(JobSnapshot job) {
        int width =
                Math.max(4, job.tasks().stream().mapToInt(t -> t.name().length()).max().orElse(4));
        StringBuilder s = new StringBuilder();
        s.append(job.jobId()).append(' ').append(job.name()).append("  ").append(job.state());
        if (!job.reason().isEmpty()) {
            s.append(" (").append(job.reason()).append(')');
        }
        s.append('\n');
        for (JobSnapshot.TaskProgress task : job.tasks()) {
            s.append(line(task, width)).append('\n');
        }
        return s.toString();
    }

    private static String line(JobSnapshot.TaskProgress task, int width) {
        int done = task.succeeded() + task.failed();
        int filled = task.total() == 0 ? 0 : (int) ((long) BAR * done / task.total());
        String bar = "#".repeat(filled) + "-".repeat(BAR - filled);
        StringBuilder s = new StringBuilder();
        s.append(
                String.format(
                        "  %-" + width + "s  %-18s [%s] %d/%d",
                        task.name(),
                        task.state(),
                        bar,
                        done,
                        task.total()));
        if (task.running() > 0) {
            s.append("  running ").append(task.running());
        }
        if (task.failed() > 0) {
            s.append("  failed ").append(task.failed());
        }
        return s.toString();
    }

    /** The tasks that did not succeed, for the closing message. */
    public static List<String> unsuccessful(JobSnapshot job) {
        return job.tasks().stream()
                .filter(t -> !t.state().equals("SUCCEED"))
                .map(t -> t.name() + " " + t.state())
                .toList();
    }
}
