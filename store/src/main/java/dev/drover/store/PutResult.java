package dev.drover.store;

/**
 * What a put stored.
 *
 * @param uri where the object can be read back, as {@link ObjectStore#uri} says
 * @param size the bytes stored
 * @param sha256 lower-case hex SHA-256 of the bytes stored
 */
public record PutResult(String uri, long size, String sha256) {}
