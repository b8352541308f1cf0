package dev.drover.contract.spec;

/** How the program reaches the instance. */
public enum DeliveryForm {
    /** The command is found on the image (or the local machine). */
    LOCAL,
    /** A package is downloaded and unpacked, and the command runs inside it. */
    PACKAGE
}
