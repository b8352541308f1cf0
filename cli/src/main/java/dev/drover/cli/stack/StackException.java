package dev.drover.cli.stack;

/** The stack could not be started or stopped; the message is meant for the user. */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
