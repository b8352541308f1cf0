package dev.drover.provisioner.local;

import java.io.InputStream;

/** A started command: the leader of its own session and process group, whose ids are its pid. */
interface CommandProcess {

    long pid();

    InputStream stdout();

    InputStream stderr();

    /**
     * Waits for the leader to exit; a death by signal reads 128 + signal, as a shell reports it.
     */
    int waitFor() throws InterruptedException;

    /** Whether the leader has not been reaped yet (until then its pid cannot be reused). */
    boolean isAlive();
}
