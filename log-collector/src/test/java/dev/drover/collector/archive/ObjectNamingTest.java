package dev.drover.collector.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.collector.spool.StreamHeader;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.storage.LocalStoreLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ObjectNamingTest {

    private final LocalStoreLayout layout = new LocalStoreLayout(Path.of("/srv/store"));

    @Test
    void attemptObjectsSitBesideThePlainName() {
        ObjectNaming naming =
                ObjectNaming.of(header("cos://b/c04/", "数据 清洗 (v2).log"), layout).orElseThrow();
        assertThat(naming.plainObject().toString()).isEqualTo("cos://b/c04/数据 清洗 (v2).log");
        assertThat(naming.attemptObject(3).toString())
                .isEqualTo("cos://b/c04/数据 清洗 (v2).log.attempt-3");
    }

    @Test
    void noRedirectMeansTheDefaultLogDirectory() {
        ObjectNaming naming =
                ObjectNaming.of(header(null, "stdout.j.T.0.log"), layout).orElseThrow();
        assertThat(naming.plainObject().toString())
                .isEqualTo("file:///srv/store/logs/job-1/stdout.j.T.0.log");
    }

    @Test
    void namesThatCouldLeaveTheDirectoryAreRefused() {
        for (String bad : new String[] {"../../escape", "a/b", "..", ".", "", "bad\nname"}) {
            assertThat(ObjectNaming.of(header("cos://b/c04/", bad), layout)).as(bad).isEmpty();
        }
    }

    private static StreamHeader header(String redirect, String fileName) {
        return new StreamHeader("job-1", "T", 0, 1, LogStream.STDOUT, redirect, fileName);
    }
}
