package dev.drover.contract.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RemotePathTest {

    @Test
    void longCosFormNamesBucketAndRegion() {
        RemotePath p = RemotePath.parse("cos://data-1250000000.cos.ap-guangzhou.myqcloud.com/in/");
        assertThat(p.scheme()).isEqualTo(RemotePath.Scheme.COS);
        assertThat(p.bucket()).isEqualTo("data-1250000000");
        assertThat(p.region()).isEqualTo("ap-guangzhou");
        assertThat(p.key()).isEqualTo("in/");
        assertThat(p.isDirectory()).isTrue();
    }

    @Test
    void shortCosFormHasNoRegion() {
        RemotePath p = RemotePath.parse("cos://test-bucket/c01/");
        assertThat(p.bucket()).isEqualTo("test-bucket");
        assertThat(p.region()).isNull();
        assertThat(p.resolve("x.log").toString()).isEqualTo("cos://test-bucket/c01/x.log");
    }

    @Test
    void bucketOrHostThatIsOrHoldsDotSegmentsIsMalformed() {
        for (String path :
                new String[] {
                    "cos://../tmp/",
                    "cos://./tmp/",
                    "cos://.hidden/x/",
                    "cos://bucket./x/",
                    "cos://a..b/x/",
                    "cfs://../x/",
                    "cfs://10.0.0.1./x/"
                }) {
            assertThat(RemotePath.tryParse(path)).as(path).isEmpty();
        }
        assertThat(RemotePath.tryParse("cfs://10.0.0.1/x/")).isPresent();
        assertThat(RemotePath.tryParse("cos://b-1250000000.cos.ap-guangzhou.myqcloud.com/x/"))
                .isPresent();
    }

    @Test
    void unknownSchemeAndRelativeFileAreNotPaths() {
        assertThat(RemotePath.tryParse("s3://b/k")).isEmpty();
        assertThat(RemotePath.tryParse("file://relative/x")).isEmpty();
        assertThat(RemotePath.tryParse("/plain/path")).isEmpty();
        assertThat(RemotePath.schemeOf("s3://b/k")).contains("s3");
    }

    @Test
    void cosPathMapsIntoTheLocalStoreAndCannotEscapeIt() {
        LocalStoreLayout store = new LocalStoreLayout(Path.of("/srv/drover"));
        assertThat(store.locate(RemotePath.parse("cos://test-bucket/c04/a.log")))
                .isEqualTo(Path.of("/srv/drover/cos/test-bucket/c04/a.log"));
        assertThatThrownBy(() -> store.locate(RemotePath.parse("cos://b/../../etc/passwd")))
                .hasMessageContaining("leaves the store");
    }
}
