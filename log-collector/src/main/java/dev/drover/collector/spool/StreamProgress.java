package dev.drover.collector.spool;

import java.util.TreeSet;

/**
 * Which chunks of one stream are held, decided from sequence numbers alone (pure, no I/O). Chunks
 * below {@link #next} are all present; a chunk that came early waits in {@code ahead} until the gap
 * before it is filled, so memory grows with the number of out-of-order chunks, not with bytes.
 */
final class StreamProgress {

    private long next;
    private final TreeSet<Long> ahead = new TreeSet<>();
    private long lastSeq = -1;
    private boolean inOrder = true;

    /** Whether a chunk adds something: false for a duplicate or a seq past the known end. */
    boolean isNew(long seq) {
        if (seq < next || ahead.contains(seq)) {
            return false;
        }
        return lastSeq < 0 || seq <= lastSeq;
    }

    /** Records a chunk as held; a chunk already held only marks the spool as not sequential. */
    void accept(long seq, boolean last) {
        if (!isNew(seq)) {
            inOrder = false;
            return;
        }
        if (last) {
            lastSeq = seq;
        }
        if (seq != next) {
            inOrder = false;
            ahead.add(seq);
            return;
        }
        next++;
        while (!ahead.isEmpty() && ahead.first() == next) {
            ahead.pollFirst();
            next++;
        }
    }

    /** Whether every chunk up to the last one is held. */
    boolean complete() {
        return lastSeq >= 0 && next > lastSeq;
    }

    /** The last chunk's seq, or -1 while it has not come. */
    long lastSeq() {
        return lastSeq;
    }

    /** Whether the spool file holds the chunks exactly in seq order, without repeats. */
    boolean inOrder() {
        return inOrder;
    }

    /** The seq expected next. */
    long next() {
        return next;
    }
}
