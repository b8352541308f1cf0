package dev.drover.jobs.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds one cycle in a directed graph of tasks numbered {@code 0..n-1}, without recursion, so a
 * chain of any length cannot overflow the stack.
 *
 * <p>Kahn's algorithm peels off every task whose predecessors are all peeled; what stays has a
 * remaining predecessor, so walking backwards through remaining predecessors must revisit a task,
 * and the walk from that task on is a cycle. Tasks that merely hang off a cycle (downstream of it)
 * or lead into it are never part of the answer.
 */
final class CycleFinder {

    private final int n;
    private final int[] from;
    private final int[] to;

    /** Edges as parallel arrays, without duplicates. */
    CycleFinder(int taskCount, int[] from, int[] to) {
        this.n = taskCount;
        this.from = from;
        this.to = to;
    }

    /**
     * The tasks on one cycle in edge direction, starting with the lowest-numbered one, or an empty
     * list when the graph is acyclic.
     */
    List<Integer> findCycle() {
        boolean[] peeled = peel();
        int start = firstRemaining(peeled);
        if (start < 0) {
            return List.of();
        }
        List<Integer> cycle = walkBack(start, peeled, predecessors());
        Collections.reverse(cycle);
        int lowest = cycle.indexOf(Collections.min(cycle));
        Collections.rotate(cycle, -lowest);
        return cycle;
    }

    private boolean[] peel() {
        int[] inDegree = new int[n];
        for (int target : to) {
            inDegree[target]++;
        }
        int[][] successors = adjacency(from, to);
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int task = 0; task < n; task++) {
            if (inDegree[task] == 0) {
                queue[tail++] = task;
            }
        }
        boolean[] peeled = new boolean[n];
        while (head < tail) {
            int task = queue[head++];
            peeled[task] = true;
            for (int next : successors[task]) {
                if (--inDegree[next] == 0) {
                    queue[tail++] = next;
                }
            }
        }
        return peeled;
    }

    private int firstRemaining(boolean[] peeled) {
        for (int task = 0; task < n; task++) {
            if (!peeled[task]) {
                return task;
            }
        }
        return -1;
    }

    private int[][] predecessors() {
        return adjacency(to, from);
    }

    /** Walks from {@code start} to remaining predecessors until a task repeats. */
    private static List<Integer> walkBack(int start, boolean[] peeled, int[][] predecessors) {
        List<Integer> walk = new ArrayList<>();
        int[] position = new int[predecessors.length];
        java.util.Arrays.fill(position, -1);
        int current = start;
        while (position[current] < 0) {
            position[current] = walk.size();
            walk.add(current);
            current = remainingPredecessor(current, peeled, predecessors);
        }
        return new ArrayList<>(walk.subList(position[current], walk.size()));
    }

    private static int remainingPredecessor(int task, boolean[] peeled, int[][] predecessors) {
        for (int predecessor : predecessors[task]) {
            if (!peeled[predecessor]) {
                return predecessor;
            }
        }
        throw new IllegalStateException("a remaining task always has a remaining predecessor");
    }

    /** Compact adjacency lists keyed by {@code keys[i]}, in edge order. */
    private int[][] adjacency(int[] keys, int[] values) {
        int[] count = new int[n];
        for (int key : keys) {
            count[key]++;
        }
        int[][] lists = new int[n][];
        for (int task = 0; task < n; task++) {
            lists[task] = new int[count[task]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < keys.length; i++) {
            lists[keys[i]][filled[keys[i]]++] = values[i];
        }
        return lists;
    }
}
