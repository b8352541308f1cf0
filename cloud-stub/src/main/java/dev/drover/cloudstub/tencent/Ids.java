package dev.drover.cloudstub.tencent;

import java.security.SecureRandom;

/** Resource ids shaped like Tencent's: a prefix, a dash, eight lower-case letters and digits. */
final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String next(String prefix) {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "-" + new String(id);
    }

    static String requestId() {
        return java.util.UUID.randomUUID().toString();
    }
}
