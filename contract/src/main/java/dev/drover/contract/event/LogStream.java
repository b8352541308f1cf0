package dev.drover.contract.event;

/** Which output of a command. */
public enum LogStream {
    STDOUT,
    STDERR;

    /** The lower-case name used in file names and URLs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
