package dev.drover.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RelativeKeysTest {

    @Test
    void keysFromAHostileBucketCannotLeaveTheTargetDirectory() throws Exception {
        Path dir = Path.of("/tmp/stage");
        assertThat(RelativeKeys.localFile(dir, "a/b.txt")).isEqualTo(Path.of("/tmp/stage/a/b.txt"));
        for (String key : new String[] {"../x", "a/../../x", "/etc/passwd", "", "a/.."}) {
            assertThatThrownBy(() -> RelativeKeys.localFile(dir, key))
                    .as(key)
                    .isInstanceOf(StoreException.class);
        }
    }
}
