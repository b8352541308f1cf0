package dev.drover.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.cos.CosConfig;
import dev.drover.store.cos.CosCredentials;
import dev.drover.store.cos.CosStore;
import dev.drover.store.file.FileStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {

    @TempDir Path root;

    private final CosCredentials service = new CosCredentials("AKIDservice", "service-secret");

    @Test
    void withoutCosEveryPathGoesToTheFileStore() {
        try (Stores stores = new Stores(new LocalStoreLayout(root), false, Optional.empty())) {
            assertThat(stores.forPath(RemotePath.parse("cos://b-1250000000/k")))
                    .isInstanceOf(FileStore.class);
            assertThat(stores.forPath(RemotePath.parse("file:///tmp/k")))
                    .isInstanceOf(FileStore.class);
        }
    }

    @Test
    void withCosCosPathsGoToCosAndAnotherAccountGetsItsOwnStore() {
        CosConfig cos = CosConfig.tencentCloud("ap-guangzhou", service);
        try (Stores stores = new Stores(new LocalStoreLayout(root), false, Optional.of(cos))) {
            RemotePath path = RemotePath.parse("cos://b-1250000000/k");
            assertThat(stores.forPath(RemotePath.parse("file:///tmp/k")))
                    .isInstanceOf(FileStore.class);
            CosStore own = (CosStore) stores.forPath(path);
            CosCredentials other = new CosCredentials("AKIDother", "other-secret");
            CosStore theirs = (CosStore) stores.forPath(path, Optional.of(other));

            assertThat(own.config().credentials()).isEqualTo(service);
            assertThat(theirs.config().credentials()).isEqualTo(other);
            assertThat(stores.forPath(path, Optional.of(other))).isSameAs(theirs);
            assertThat(theirs.toString())
                    .doesNotContain("other-secret")
                    .doesNotContain("AKIDother");
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverPrintTheirSecret() {
        Map<String, String> env =
                Map.of("TENCENTCLOUD_SECRET_ID", "AKIDabcdef", "TENCENTCLOUD_SECRET_KEY", "s3cr3t");
        CosCredentials credentials = CosCredentials.fromEnvironment(env).orElseThrow();
        assertThat(credentials.secretKey()).isEqualTo("s3cr3t");
        assertThat(credentials.toString()).doesNotContain("s3cr3t").doesNotContain("AKIDabcdef");
        assertThat(CosConfig.tencentCloud("ap-guangzhou", credentials).toString())
                .doesNotContain("s3cr3t");
        assertThat(CosCredentials.fromEnvironment(Map.of())).isEmpty();
    }
}
