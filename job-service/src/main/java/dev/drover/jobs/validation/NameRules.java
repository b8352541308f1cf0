package dev.drover.jobs.validation;

/**
 * What a task or job name may be. Names end up in log paths, object keys, Kafka keys and DB keys,
 * so a name that could change a path ({@code /}, {@code .}, {@code ..}) or a line (control
 * characters) is refused; everything else, spaces, parentheses, unicode, a leading digit, is kept
 * byte-exact.
 */
final class NameRules {

    private NameRules() {}

    /** Why the name is unusable, or null when its characters are fine. */
    static String characterProblem(String name) {
        if (name.isEmpty()) {
            return "must not be empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "must not be '.' or '..'";
        }
        if (name.indexOf('/') >= 0) {
            return "must not contain '/'";
        }
        int control = Text.firstControl(name);
        if (control >= 0) {
            return "must not contain control characters (found " + Text.codePoint(control) + ")";
        }
        return null;
    }

    /** Why a length is too long, or null. */
    static String lengthProblem(String name, int limit) {
        int length = Text.length(name);
        return length <= limit
                ? null
                : "is " + length + " characters long, the limit is " + limit + " characters";
    }
}
