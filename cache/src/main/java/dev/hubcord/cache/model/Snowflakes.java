package dev.hubcord.cache.model;

import dev.hubcord.cache.CacheException;

/** Discord snowflakes are unsigned 64-bit integers sent as decimal strings. */
public final class Snowflakes {

    private Snowflakes() {
    }

    /**
     * Parses a decimal snowflake, for example a REST path segment.
     *
     * @throws CacheException INVALID_SNOWFLAKE when the text is not 1 to 20 decimal digits fitting 64 unsigned bits
     */
    public static long parse(String text) {
        int n = text.length();
        if (n == 0 || n > 20) {
            throw invalid(text);
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text);
            }
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    public static String toString(long id) {
        return Long.toUnsignedString(id);
    }

    private static CacheException invalid(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return new CacheException(CacheException.Kind.INVALID_SNOWFLAKE, "not a snowflake: \"" + shown + "\"");
    }
}
