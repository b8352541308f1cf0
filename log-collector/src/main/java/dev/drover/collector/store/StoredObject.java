package dev.drover.collector.store;

/**
 * An object as stored.
 *
 * @param uri where readers find it ({@code file:///abs/path} for the local store)
 * @param size its length in bytes
 * @param sha256 SHA-256 of its bytes, lower-case hex
 */
public record StoredObject(String uri, long size, String sha256) {}
