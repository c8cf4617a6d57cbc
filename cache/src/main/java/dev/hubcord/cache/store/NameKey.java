package dev.hubcord.cache.store;

import java.nio.charset.StandardCharsets;

/**
 * The one-byte name-prefix key a member search tests before it looks a member's user up: the
 * high nibble hashes the first code point of a name, the low nibble the second, each folded as
 * {@code toLowerCase(toUpperCase(c))}. Every pair of characters that
 * {@link String#regionMatches(boolean, int, String, int, int)} with {@code ignoreCase} holds equal
 * (equal, equal upper case, or equal lower case of the upper case) has the same fold, so two names
 * whose keys differ cannot match the same prefix: a key mismatch safely skips a member, a key match
 * only means "look". An absent or empty name has key 0, which at worst costs a needless look.
 */
final class NameKey {

    /** Longest UTF-8 encoding of two code points: the key never reads further. */
    private static final int MAX_PREFIX_BYTES = 8;

    private NameKey() {
    }

    static byte of(String name) {
        if (name == null || name.isEmpty()) {
            return 0;
        }
        int first = name.codePointAt(0);
        int at = Character.charCount(first);
        int high = nibble(fold(first), 0x9E3779B1);
        return (byte) (high << 4 | (at < name.length() ? nibble(fold(name.codePointAt(at)), 0x85EBCA77) : 0));
    }

    /** The key of the UTF-8 name at {@code b[off, off + len)}; allocates a short string unless it starts with ASCII. */
    static byte ofUtf8(byte[] b, int off, int len) {
        if (len <= 0) {
            return 0;
        }
        if (b[off] >= 0 && (len == 1 || b[off + 1] >= 0)) { // two ASCII characters: no string needed
            int high = nibble(fold(b[off]), 0x9E3779B1) << 4;
            return (byte) (len == 1 ? high : high | nibble(fold(b[off + 1]), 0x85EBCA77));
        }
        return of(new String(b, off, Math.min(len, MAX_PREFIX_BYTES), StandardCharsets.UTF_8));
    }

    /** The key of the name whose length byte is at {@code at} in {@code blob} (-1: none). */
    static byte ofBlobName(byte[] blob, int at) {
        return blob == null || at < 0 ? 0 : ofUtf8(blob, at + 1, blob[at] & 0xff);
    }

    /**
     * The test a query's key makes: {@code (key & mask) == want}. A query of one code point tests
     * the high nibble only; a longer one the whole key; an empty query, or one whose first two
     * characters hold an unpaired surrogate, cannot be keyed and {@code mask} is 0 (every key passes).
     */
    record Probe(int mask, int want) {

        static final Probe ANY = new Probe(0, 0);

        static Probe of(String prefix) {
            if (prefix.isEmpty() || unpairedSurrogate(prefix)) {
                return ANY;
            }
            int first = prefix.codePointAt(0);
            boolean single = Character.charCount(first) == prefix.length();
            int key = NameKey.of(prefix) & 0xff;
            return single ? new Probe(0xF0, key & 0xF0) : new Probe(0xFF, key);
        }

        boolean passes(byte key) {
            return (key & mask) == want;
        }

        private static boolean unpairedSurrogate(String s) {
            int n = Math.min(s.length(), 4);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                        : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    private static int nibble(int folded, int multiplier) {
        return (folded * multiplier) >>> 28;
    }
}
