package dev.drover.benchmark.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.stack.StackHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void aPropertyWithAServicePrefixGoesToThatServiceOnly() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("a.b", "1");
        props.put("scheduler-service:mp.messaging.incoming.x.fetch.max.wait.ms", "5");
        StackOptions options = options(props, null);

        assertThat(options.propertiesFor("scheduler-service"))
                .containsExactly(
                        Map.entry("a.b", "1"),
                        Map.entry("mp.messaging.incoming.x.fetch.max.wait.ms", "5"));
        assertThat(options.propertiesFor("job-service")).containsExactly(Map.entry("a.b", "1"));
    }

    @Test
    void jfrRecordsEachServiceToItsOwnFile() {
        StackOptions options = options(Map.of(), Path.of("/tmp/jfr"));

        assertThat(options.jvmOptionsFor("job-service"))
                .singleElement()
                .asString()
                .startsWith("-XX:StartFlightRecording=")
                .endsWith("filename=/tmp/jfr/job-service.jfr");
        assertThat(options(Map.of(), null).jvmOptionsFor("job-service")).isEmpty();
    }

    private static StackOptions options(Map<String, String> props, Path jfr) {
        return new StackOptions(
                new StackHome(Path.of("/tmp/h")),
                Path.of("/r"),
                "256m",
                props,
                List.of(),
                jfr,
                Duration.ofSeconds(1));
    }
}
