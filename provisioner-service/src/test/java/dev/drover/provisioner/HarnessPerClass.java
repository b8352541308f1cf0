package dev.drover.provisioner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the ITs that follow the provisioner's instance events and logs: one {@link Harness}, its
 * probes open from before the class's first test until after its last.
 */
abstract class HarnessPerClass {

    static Harness harness;

    @BeforeAll
    static void openProbes() {
        harness = Harness.open();
    }

    @AfterAll
    static void closeProbes() throws InterruptedException {
        harness.close();
    }
}
