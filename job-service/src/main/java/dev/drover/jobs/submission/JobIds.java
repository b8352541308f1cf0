package dev.drover.jobs.submission;

import java.security.SecureRandom;

/** New job ids: {@code job-} and 8 random lower-case letters and digits, as Tencent shapes them. */
final class JobIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {}

    static String next() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return "job-" + new String(id);
    }
}
