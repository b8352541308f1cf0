package dev.drover.provisioner.cvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScriptTest {

    @Test
    void quotedValuesReachTheShellByteExact() throws Exception {
        List<String> values =
                List.of("a\"b'c $HOME `id` \\n", "line1\nline2", "", "ünï 😀", "'", "''\\'");
        for (String value : values) {
            String script = "printf %s " + ShellScript.quote(value);
            Process sh = new ProcessBuilder("/bin/sh", "-c", script).start();
            byte[] out = sh.getInputStream().readAllBytes();
            assertThat(sh.waitFor()).isZero();
            assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(value);
        }
    }

    @Test
    void onlyPortableNamesAreExported() {
        assertThat(ShellScript.isVariableName("V_1")).isTrue();
        assertThat(ShellScript.isVariableName("1V")).isFalse();
        assertThat(ShellScript.isVariableName("A-B")).isFalse();
        assertThat(ShellScript.isVariableName("A;rm")).isFalse();
    }
}
