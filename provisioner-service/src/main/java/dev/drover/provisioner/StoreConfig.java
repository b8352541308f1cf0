package dev.drover.provisioner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The embedded file store shared by all services, under {@code drover.store}. */
@ConfigMapping(prefix = "drover.store")
public interface StoreConfig {

    /** Root of the local store; {@code cos://bucket/key} lives at {@code <root>/cos/bucket/key}. */
    @WithDefault("${user.home}/.drover/store")
    Path root();
}
