package dev.drover.collector;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Gives the collector under test its own spool directory and store root. */
public class CollectorDirsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path base = Files.createTempDirectory("drover-collector-it-");
            return Map.of(
                    "drover.collector.spool-dir", base.resolve("spool").toString(),
                    "drover.store.root", base.resolve("store").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
