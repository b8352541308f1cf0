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

    /**
     * Why the name cannot be one file name on any store, or null: on top of {@link
     * #characterProblem}, a backslash, which a Windows path or an object key mapped to one would
     * read as a separator.
     */
    static String fileNameProblem(String name) {
        String problem = characterProblem(name);
        if (problem == null && name.indexOf('\\') >= 0) {
            problem = "must not contain '\\'";
        }
        return problem;
    }

    /**
     * Why a task name is unusable, or null: on top of {@link #fileNameProblem}, a name of only
     * spaces, which looks like no name in every listing, and invisible format characters (zero
     * width space, bidi overrides), which make two different names look the same.
     */
    static String taskNameProblem(String name) {
        String problem = fileNameProblem(name);
        if (problem != null) {
            return problem;
        }
        if (name.codePoints()
                .allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
            return "must not be blank";
        }
        int format = name.codePoints().filter(NameRules::isFormat).findFirst().orElse(-1);
        return format < 0
                ? null
                : "must not contain invisible format characters (found "
                        + Text.codePoint(format)
                        + ")";
    }

    private static boolean isFormat(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    /** Why a length is too long, or null. */
    static String lengthProblem(String name, int limit) {
        int length = Text.length(name);
        return length <= limit
                ? null
                : "is " + length + " characters long, the limit is " + limit + " characters";
    }
}
