package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class ValidationLimitsTest {

    @Test
    void defaultsMatchTheConfigMappingDefaults() throws ReflectiveOperationException {
        ValidationLimits defaults = ValidationLimits.defaults();
        int checked = 0;
        for (Method key : ValidationLimits.class.getDeclaredMethods()) {
            WithDefault annotation = key.getAnnotation(WithDefault.class);
            if (annotation != null) {
                assertThat(String.valueOf(key.invoke(defaults)))
                        .as(key.getName())
                        .isEqualTo(annotation.value());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }
}
