package dev.drover.provisioner.attempt;

import java.nio.file.Path;

/**
 * Where an attempt's command runs. The queue and the attempt lifecycle only know this interface, so
 * a cloud backend can be added beside the local one.
 */
public interface Backend {

    /** Short name stored in the journal ({@code local}). */
    String name();

    /**
     * Stages inputs and starts the attempt's command.
     *
     * @param attempt the attempt to run
     * @param workDir a fresh directory for this attempt only
     * @throws AttemptFailure kind SETUP when inputs, package or process cannot be prepared; a
     *     {@link MachineUnavailable} when a cloud machine cannot be created for now
     */
    Execution launch(Attempt attempt, Path workDir) throws AttemptFailure;
}
