package dev.drover.collector.spool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamProgressTest {

    @Test
    void chunksInOrderCompleteAtTheLastOne() {
        StreamProgress progress = new StreamProgress();
        progress.accept(0, false);
        progress.accept(1, false);
        assertThat(progress.complete()).isFalse();
        progress.accept(2, true);
        assertThat(progress.complete()).isTrue();
        assertThat(progress.inOrder()).isTrue();
    }

    @Test
    void aChunkBelowTheNextExpectedIsADuplicate() {
        StreamProgress progress = new StreamProgress();
        progress.accept(0, false);
        progress.accept(1, false);
        assertThat(progress.isNew(0)).isFalse();
        assertThat(progress.isNew(1)).isFalse();
        assertThat(progress.isNew(2)).isTrue();
    }

    @Test
    void anEarlyChunkWaitsUntilTheGapIsFilled() {
        StreamProgress progress = new StreamProgress();
        progress.accept(2, true);
        progress.accept(0, false);
        assertThat(progress.complete()).isFalse();
        assertThat(progress.isNew(2)).isFalse();
        progress.accept(1, false);
        assertThat(progress.complete()).isTrue();
        assertThat(progress.next()).isEqualTo(3);
        assertThat(progress.inOrder()).isFalse();
    }

    @Test
    void aChunkPastTheLastOneIsNotNew() {
        StreamProgress progress = new StreamProgress();
        progress.accept(0, true);
        assertThat(progress.isNew(1)).isFalse();
    }
}
