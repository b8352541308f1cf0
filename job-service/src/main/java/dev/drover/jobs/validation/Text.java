package dev.drover.jobs.validation;

/** Character rules shared by names and paths, and safe quoting of user text in messages. */
final class Text {

    private static final int QUOTE_LIMIT = 80;

    private Text() {}

    /**
     * Quotes user text for a message: control characters escaped, long text cut, so that a message
     * always stays one readable line.
     */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (shown++ == QUOTE_LIMIT) {
                out.append("...");
                break;
            }
            appendEscaped(out, cp);
        }
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            default -> {
                if (isControl(cp) || Character.isSurrogate((char) cp)) {
                    out.append(String.format("\\u%04X", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    /** C0, DEL and C1 control characters. */
    static boolean isControl(int cp) {
        return Character.getType(cp) == Character.CONTROL;
    }

    /** The first control character in the value, or -1. */
    static int firstControl(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (isControl(cp)) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Whether the value can be stored and sent byte-exact: PostgreSQL text refuses U+0000, and an
     * unpaired surrogate has no UTF-8 form, so either would fail later as a server error.
     */
    static boolean isStorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The value's length in UTF-8 bytes, counted without encoding it. */
    static long utf8Length(String value) {
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
