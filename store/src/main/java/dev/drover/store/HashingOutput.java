package dev.drover.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An output stream that counts and SHA-256-hashes what passes through it. */
public final class HashingOutput extends FilterOutputStream {

    private final MessageDigest digest;
    private long count;

    public HashingOutput(OutputStream out) {
        super(out);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    /** Bytes written so far. */
    public long count() {
        return count;
    }

    /** Hex SHA-256 of the bytes written so far; call once, at the end. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
