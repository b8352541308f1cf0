package dev.drover.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.NoSuchObjectException;
import dev.drover.store.ObjectInfo;
import dev.drover.store.PutResult;
import dev.drover.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

    @TempDir Path root;
    @TempDir Path work;

    private FileStore store() {
        return new FileStore(new LocalStoreLayout(root), true);
    }

    @Test
    void cosPathsLiveUnderTheRootAndComeBackByteExact() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        RemotePath object = RemotePath.parse("cos://test-bucket/c04/blob.bin");

        PutResult put = store().put(object, new ByteArrayInputStream(bytes));

        Path stored = root.resolve("cos/test-bucket/c04/blob.bin");
        assertThat(put.uri()).isEqualTo("file://" + stored);
        assertThat(put.size()).isEqualTo(bytes.length);
        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        Path copy = work.resolve("out/blob.bin");
        store().get(object, copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
        try (InputStream in = store().open(object)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store().size(object)).isEqualTo(bytes.length);
    }

    @Test
    void writtenObjectsAndTheirCopiesHoldTheWriterBytesAfterADeferredFlush() throws Exception {
        FileStore store = new FileStore(new LocalStoreLayout(root), true, true);
        byte[] bytes = {0x68, 0x69, 0x0a, (byte) 0x80, (byte) 0xff, 0x00};
        RemotePath object = RemotePath.parse("cos://test-bucket/logs/out.log.attempt-1");
        RemotePath plain = RemotePath.parse("cos://test-bucket/logs/out.log");

        PutResult put = store.write(object, out -> out.write(bytes));
        store.copy(object, plain);
        store.flush();

        assertThat(put.size()).isEqualTo(bytes.length);
        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        assertThat(Files.readAllBytes(root.resolve("cos/test-bucket/logs/out.log")))
                .isEqualTo(bytes);
        assertThatThrownBy(() -> store.copy(RemotePath.parse("cos://test-bucket/none"), plain))
                .isInstanceOf(NoSuchObjectException.class);
    }

    @Test
    void directoryGoesUpAndComesDownWithItsTree() throws Exception {
        Path source = Files.createDirectories(work.resolve("src/nested/deeper"));
        Files.writeString(work.resolve("src/top.txt"), "top");
        Files.writeString(source.resolve("leaf.txt"), "leaf");
        RemotePath dir = RemotePath.parse("cos://test-bucket/results/");

        assertThat(store().upload(work.resolve("src"), dir)).isEqualTo(2);
        // A crashed writer's temporary is not an object.
        Files.writeString(root.resolve("cos/test-bucket/results/.drover-x.tmp"), "half");

        assertThat(store().list(dir))
                .extracting(ObjectInfo::relativeKey)
                .containsExactly("nested/deeper/leaf.txt", "top.txt");
        assertThat(store().list(RemotePath.parse("cos://test-bucket/results")))
                .hasSize(2); // a prefix without its slash names the same directory
        Path target = work.resolve("dst");
        assertThat(store().download(dir, target)).isEqualTo(2);
        assertThat(target.resolve("nested/deeper/leaf.txt")).hasContent("leaf");
        assertThat(target.resolve("top.txt")).hasContent("top");
        assertThat(store().exists(dir)).isTrue();
    }

    @Test
    void fileUrisAreThePathsThemselves() throws Exception {
        Path local = work.resolve("plain.txt");
        RemotePath object = RemotePath.parse(RemotePath.fileUriPath(local));

        store().put(object, new ByteArrayInputStream("x".getBytes()));

        assertThat(local).hasContent("x");
        assertThat(store().uri(object)).isEqualTo("file://" + local);
    }

    @Test
    void refusesKeysThatLeaveTheStoreAndReportsMissingObjects() {
        RemotePath escape = RemotePath.parse("cos://test-bucket/../../etc/passwd");
        assertThatThrownBy(() -> store().put(escape, new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.code()).isEqualTo("InvalidPath"));
        RemotePath missing = RemotePath.parse("cos://test-bucket/none.txt");
        assertThatThrownBy(() -> store().size(missing)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store().get(missing, work.resolve("x")))
                .isInstanceOf(NoSuchObjectException.class);
        assertThat(work.resolve("x")).doesNotExist();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
