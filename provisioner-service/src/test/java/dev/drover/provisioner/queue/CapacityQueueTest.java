package dev.drover.provisioner.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.spec.TaskSpec;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityQueueTest {

    private long arrivals;

    @Test
    void higherPriorityStartsFirstThenOlderArrival() {
        CapacityQueue queue = new CapacityQueue(1);
        Attempt l0 = attempt("low", "L", 0, 1, null);
        queue.add(l0);
        assertThat(queue.takeStartable()).containsExactly(l0);
        Attempt l1 = attempt("low", "L", 1, 1, null);
        Attempt l2 = attempt("low", "L", 2, 1, null);
        Attempt h = attempt("high", "H", 0, 100, null);
        List.of(l1, l2, h).forEach(queue::add);

        assertThat(queue.takeStartable()).isEmpty();
        queue.finished(l0);
        assertThat(queue.takeStartable()).containsExactly(h);
        queue.finished(h);
        assertThat(queue.takeStartable()).containsExactly(l1);
    }

    @Test
    void maxConcurrentNumHoldsBackOnlyItsOwnTask() {
        CapacityQueue queue = new CapacityQueue(4);
        Attempt a0 = attempt("j", "A", 0, 1, 1);
        Attempt a1 = attempt("j", "A", 1, 1, 1);
        Attempt b0 = attempt("j", "B", 0, 1, null);
        List.of(a0, a1, b0).forEach(queue::add);

        assertThat(queue.takeStartable()).containsExactly(a0, b0);
        queue.finished(a0);
        assertThat(queue.takeStartable()).containsExactly(a1);
    }

    @Test
    void removingDropsOnlyTheMatchingWaitingAttempts() {
        CapacityQueue queue = new CapacityQueue(1);
        Attempt x = attempt("x", "T", 0, 1, null);
        Attempt y = attempt("y", "T", 0, 1, null);
        Attempt x1 = attempt("x", "T", 1, 1, null);
        List.of(x, y, x1).forEach(queue::add);
        assertThat(queue.takeStartable()).containsExactly(x);

        assertThat(queue.removeIf(a -> a.id().jobId().equals("x"))).containsExactly(x1);
        assertThat(queue.waitingCount()).isEqualTo(1);
        assertThat(queue.runningCount()).isEqualTo(1);
    }

    private Attempt attempt(String job, String task, int index, int priority, Integer max) {
        TaskSpec spec =
                new TaskSpec(
                        task, 4, null, null, null, null, null, null, null, null, null, 0, 60, max,
                        0);
        return new Attempt(new AttemptId(job, task, index, 1), priority, arrivals++, spec);
    }
}
