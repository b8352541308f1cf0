package dev.drover.contract.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed remote storage path, as a job document writes it: {@code file:///dir/}, {@code
 * cos://<bucket>-<appid>.cos.<region>.myqcloud.com/<key>}, the short form {@code
 * cos://<bucket>/<key>}, or {@code cfs://<ip>/<dir>/}.
 *
 * @param scheme the storage kind
 * @param bucket the COS bucket (with its appid suffix, if the path had one), or the CFS host; empty
 *     for file
 * @param region the COS region when the long form named it, else null
 * @param key the object key or path inside the bucket, without a leading slash; for file, the
 *     absolute path with its leading slash
 */
public record RemotePath(Scheme scheme, String bucket, String region, String key) {

    /** Storage kinds a path may name. */
    public enum Scheme {
        FILE,
        COS,
        CFS
    }

    private static final Pattern COS_HOST =
            Pattern.compile("^([a-z0-9-]+)\\.cos\\.([a-z0-9-]+)\\.myqcloud\\.com$");

    /** Parses a path, or says in the exception why it is not one. */
    public static RemotePath parse(String path) {
        return tryParse(path)
                .orElseThrow(() -> new IllegalArgumentException("not a remote path: " + path));
    }

    /** Parses a path; empty when the scheme is unknown or the path is malformed. */
    public static Optional<RemotePath> tryParse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        int sep = path.indexOf("://");
        if (sep <= 0) {
            return Optional.empty();
        }
        String scheme = path.substring(0, sep);
        String rest = path.substring(sep + 3);
        return switch (scheme) {
            case "file" -> file(rest);
            case "cos" -> cos(rest);
            case "cfs" ->
                    hostAndKey(rest).map(hk -> new RemotePath(Scheme.CFS, hk[0], null, hk[1]));
            default -> Optional.empty();
        };
    }

    /** The scheme word of a path ({@code cos} in {@code cos://b/k}), or empty. */
    public static Optional<String> schemeOf(String path) {
        int sep = path == null ? -1 : path.indexOf("://");
        return sep <= 0 ? Optional.empty() : Optional.of(path.substring(0, sep));
    }

    private static Optional<RemotePath> file(String rest) {
        if (!rest.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new RemotePath(Scheme.FILE, "", null, rest));
    }

    private static Optional<RemotePath> cos(String rest) {
        return hostAndKey(rest)
                .map(
                        hk -> {
                            Matcher m = COS_HOST.matcher(hk[0]);
                            return m.matches()
                                    ? new RemotePath(Scheme.COS, m.group(1), m.group(2), hk[1])
                                    : new RemotePath(Scheme.COS, hk[0], null, hk[1]);
                        });
    }

    private static Optional<String[]> hostAndKey(String rest) {
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-]+") || !dotsAreInside(host)) {
            return Optional.empty();
        }
        return Optional.of(new String[] {host, key});
    }

    /**
     * A bucket or host that is or starts or ends with a dot, or holds {@code ..}, could climb out
     * of the store's directory once the path becomes a file path.
     */
    private static boolean dotsAreInside(String host) {
        return !host.startsWith(".") && !host.endsWith(".") && !host.contains("..");
    }

    /** Whether the path names a directory (ends with a slash, or is a bucket root). */
    public boolean isDirectory() {
        return key.isEmpty() || key.endsWith("/");
    }

    /** A path below this directory. */
    public RemotePath resolve(String name) {
        String base = isDirectory() || key.isEmpty() ? key : key + "/";
        return new RemotePath(scheme, bucket, region, base + name);
    }

    /** Written back in the short form: {@code file:///k}, {@code cos://bucket/k}. */
    @Override
    public String toString() {
        return switch (scheme) {
            case FILE -> "file://" + key;
            case COS -> "cos://" + bucket + "/" + key;
            case CFS -> "cfs://" + bucket + "/" + key;
        };
    }

    /**
     * The {@code file://} path of a local file as job documents write it (no percent-encoding, so
     * that it reads back byte-identical through {@link #parse}).
     */
    public static String fileUriPath(java.nio.file.Path path) {
        return "file://" + path.toAbsolutePath().normalize();
    }
}
