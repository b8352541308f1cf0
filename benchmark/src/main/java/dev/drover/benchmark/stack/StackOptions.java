package dev.drover.benchmark.stack;

import dev.drover.cli.stack.StackHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the benchmark starts the stack.
 *
 * @param home the stack's fresh directory
 * @param repo the checkout holding the services' built jars
 * @param heap the services' {@code -Xmx} value, e.g. {@code 192m} (as {@code drover up})
 * @param properties extra {@code -D} system properties: key {@code service:property} for one
 *     service, plain {@code property} for all four
 * @param jvmOptions extra JVM options for every service, after Drover's own
 * @param jfrDir where each service writes a JFR recording, or null for none
 * @param startTimeout how long the services may take to become ready
 */
public record StackOptions(
        StackHome home,
        Path repo,
        String heap,
        Map<String, String> properties,
        List<String> jvmOptions,
        Path jfrDir,
        Duration startTimeout) {

    /** The extra system properties for {@code service}. */
    public Map<String, String> propertiesFor(String service) {
        Map<String, String> result = new LinkedHashMap<>();
        properties.forEach(
                (key, value) -> {
                    int colon = key.indexOf(':');
                    if (colon < 0) {
                        result.put(key, value);
                    } else if (key.substring(0, colon).equals(service)) {
                        result.put(key.substring(colon + 1), value);
                    }
                });
        return result;
    }

    /** JVM options beyond Drover's own: those asked for, and a flight recording. */
    public List<String> jvmOptionsFor(String service) {
        List<String> options = new ArrayList<>(jvmOptions);
        if (jfrDir != null) {
            Path file = jfrDir.resolve(service + ".jfr").toAbsolutePath();
            // settings=profile samples Java stacks every 10-20 ms; dumped on SIGTERM.
            options.add(
                    "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
        }
        return options;
    }
}
