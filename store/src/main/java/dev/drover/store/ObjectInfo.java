package dev.drover.store;

import dev.drover.contract.storage.RemotePath;

/**
 * One listed object.
 *
 * @param path the object's full path
 * @param relativeKey its key relative to the listed directory, with {@code /} separators
 * @param size its size in bytes
 */
public record ObjectInfo(RemotePath path, String relativeKey, long size) {}
