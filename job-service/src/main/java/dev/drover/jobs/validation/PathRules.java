package dev.drover.jobs.validation;

import dev.drover.contract.storage.RemotePath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of remote storage paths and local paths in a task. */
final class PathRules {

    private static final Set<String> PLACEHOLDERS =
            Set.of("BATCH_JOB_ID", "BATCH_TASK_NAME", "BATCH_TASK_INSTANCE_INDEX");
    private static final List<String> PACKAGE_SCHEMES = List.of("file", "cos", "http", "https");

    private final Violations violations;

    /**
     * Parsed remote paths of this document by their text: a 100,000-task job usually repeats one
     * log directory, and parsing is the costly part of the check.
     */
    private final Map<String, Optional<RemotePath>> parsed = new HashMap<>();

    PathRules(Violations violations) {
        this.violations = violations;
    }

    /** A remote directory ({@code cos://bucket/dir/}); returns whether it is acceptable. */
    boolean remoteDirectory(String value, Scope scope, String name) {
        String field = scope.describe(name);
        Optional<String> scheme = RemotePath.schemeOf(value);
        if (scheme.isPresent() && !List.of("file", "cos", "cfs").contains(scheme.get())) {
            return refuse(
                    Codes.REMOTE_SCHEME,
                    field
                            + " has the unknown scheme "
                            + Text.quote(scheme.get())
                            + ", expected cos://, cfs:// or file://",
                    scope.at(name));
        }
        Optional<RemotePath> path = parsed.computeIfAbsent(value, RemotePath::tryParse);
        if (path.isEmpty()) {
            return refuse(
                    Codes.REMOTE_PATH,
                    field + " is not a storage path like cos://bucket/dir/: " + Text.quote(value),
                    scope.at(name));
        }
        String problem = keyProblem(path.get());
        if (problem == null && !value.endsWith("/")) {
            problem = "must name a directory and end with '/'";
        }
        return problem == null || refuse(Codes.REMOTE_PATH, field + " " + problem, scope.at(name));
    }

    /** A PACKAGE's archive: file://, cos://, http:// or https://. */
    boolean packagePath(String value, Scope scope, String name) {
        Optional<String> scheme = RemotePath.schemeOf(value);
        if (scheme.isEmpty() || !PACKAGE_SCHEMES.contains(scheme.get())) {
            return refuse(
                    Codes.REMOTE_SCHEME,
                    scope.describe(name) + " must start with file://, cos://, http:// or https://",
                    scope.at(name));
        }
        String rest = value.substring(scheme.get().length() + 3);
        if (rest.isEmpty() || Text.firstControl(rest) >= 0 || rest.indexOf(' ') >= 0) {
            return refuse(
                    Codes.REMOTE_PATH,
                    scope.describe(name) + " is not a valid package location",
                    scope.at(name));
        }
        return true;
    }

    /**
     * A local path on the instance: absolute and normalised, and not {@code /} itself (a mapping
     * onto the root would hide the whole file system). One trailing {@code /} is allowed.
     */
    boolean localPath(String value, Scope scope, String name) {
        String problem = localProblem(value);
        return problem == null
                || refuse(Codes.LOCAL_PATH, scope.describe(name) + " " + problem, scope.at(name));
    }

    /** A file name template of RedirectInfo: one file, only the three known placeholders. */
    boolean fileName(String value, Scope scope, String name) {
        String problem = NameRules.fileNameProblem(value);
        if (problem == null) {
            problem = placeholderProblem(value);
        }
        return problem == null
                || refuse(Codes.INVALID, scope.describe(name) + " " + problem, scope.at(name));
    }

    /** The local path without a trailing slash, so /data and /data/ compare equal. */
    static String normalKey(String local) {
        return local.length() > 1 && local.endsWith("/")
                ? local.substring(0, local.length() - 1)
                : local;
    }

    private static String localProblem(String value) {
        if (!value.startsWith("/")) {
            return "must be an absolute path, got " + Text.quote(value);
        }
        if (value.equals("/")) {
            return "must not be the root directory '/'";
        }
        if (Text.firstControl(value) >= 0) {
            return "must not contain control characters";
        }
        String body = normalKey(value).substring(1);
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "must be normalised (no '//', '.' or '..' segments), got "
                        + Text.quote(value);
            }
        }
        return null;
    }

    private static String keyProblem(RemotePath path) {
        if (Text.firstControl(path.key()) >= 0) {
            return "must not contain control characters";
        }
        String key = path.key();
        if (path.scheme() == RemotePath.Scheme.FILE) {
            key = key.substring(1);
        }
        if (key.isEmpty()) {
            return null;
        }
        String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "must be normalised (no '//', '.' or '..' segments), got "
                        + Text.quote(path.toString());
            }
        }
        return null;
    }

    private static String placeholderProblem(String value) {
        int from = 0;
        while (true) {
            int start = value.indexOf("${", from);
            if (start < 0) {
                return null;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                return "has an unclosed '${'";
            }
            String word = value.substring(start + 2, end);
            if (!PLACEHOLDERS.contains(word)) {
                return "may use only ${BATCH_JOB_ID}, ${BATCH_TASK_NAME} and"
                        + " ${BATCH_TASK_INSTANCE_INDEX}, got "
                        + Text.quote("${" + word + "}");
            }
            from = end + 1;
        }
    }

    private boolean refuse(String code, String detail, String field) {
        violations.add(code, detail, field);
        return false;
    }
}
