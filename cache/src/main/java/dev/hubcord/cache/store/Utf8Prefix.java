package dev.hubcord.cache.store;

import java.nio.charset.StandardCharsets;

/**
 * A query tested, ignoring case, against the start of stored UTF-8 text without decoding the text:
 * always the answer of {@code new String(text, UTF_8).regionMatches(true, 0, query, 0, query.length())},
 * but without allocating for the names a member search scans.
 *
 * <p>An ASCII text byte against an ASCII query character compares ASCII-folded values (what the
 * JDK's rule gives for two ASCII characters). Any other BMP character is decoded in place and
 * compared with the JDK's rule: equal, or equal upper case, or equal lower case of the upper case
 * (so {@code é} matches {@code É}, and {@code ſ}, {@code ı} or the Kelvin sign match ASCII letters
 * as they do for {@link String#regionMatches(boolean, int, String, int, int)}). Surrogate pairs,
 * which the JDK compares as code points, and malformed bytes (never stored, since the cache
 * encodes with {@link String#getBytes}) fall back to decoding the text; that allocates, but only
 * for a name whose preceding characters already matched.
 */
final class Utf8Prefix {

    private static final byte[] ASCII_FOLD = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_FOLD[c] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
    }

    private final String query;
    private final char[] chars;
    /** The ASCII-folded query character, or -1 for a non-ASCII one. */
    private final byte[] folded;
    private final char[] upper;
    private final char[] lowerOfUpper;

    Utf8Prefix(String query) {
        this.query = query;
        this.chars = query.toCharArray();
        int n = chars.length;
        this.folded = new byte[n];
        this.upper = new char[n];
        this.lowerOfUpper = new char[n];
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            folded[i] = c < 128 ? ASCII_FOLD[c] : -1;
            upper[i] = Character.toUpperCase(c);
            lowerOfUpper[i] = Character.toLowerCase(upper[i]);
        }
    }

    /** Whether {@code text[off, off + len)}, UTF-8, starts with the query, ignoring case. */
    boolean matches(byte[] text, int off, int len) {
        int n = chars.length;
        // A UTF-8 text has at least as many bytes as UTF-16 chars, so a shorter one cannot match.
        if (len < n) {
            return false;
        }
        int p = off;
        int end = off + len;
        for (int i = 0; i < n; i++) {
            if (p >= end) {
                return false;
            }
            int b = text[p];
            int c;
            if (b >= 0) {
                if (folded[i] >= 0) {
                    if (ASCII_FOLD[b] != folded[i]) {
                        return false;
                    }
                    p++;
                    continue;
                }
                c = b;
                p++;
            } else if (b >= (byte) 0xC2 && b <= (byte) 0xDF && p + 1 < end && continuation(text[p + 1])) {
                c = (b & 0x1F) << 6 | text[p + 1] & 0x3F;
                p += 2;
            } else if ((b & 0xF0) == 0xE0 && p + 2 < end && continuation(text[p + 1])
                    && continuation(text[p + 2])) {
                c = (b & 0x0F) << 12 | (text[p + 1] & 0x3F) << 6 | text[p + 2] & 0x3F;
                if (c < 0x800 || Character.isSurrogate((char) c)) {
                    return decoded(text, off, len);
                }
                p += 3;
            } else {
                return decoded(text, off, len);
            }
            char q = chars[i];
            if (Character.isSurrogate(q)) {
                return decoded(text, off, len);
            }
            if (c != q) {
                char u = Character.toUpperCase((char) c);
                if (u != upper[i] && Character.toLowerCase(u) != lowerOfUpper[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean decoded(byte[] text, int off, int len) {
        return new String(text, off, len, StandardCharsets.UTF_8).regionMatches(true, 0, query, 0, chars.length);
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
