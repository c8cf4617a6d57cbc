package dev.hubcord.hub.rest.discord;

/**
 * Snowflakes in REST paths and query strings: 1 to 20 decimal digits fitting 64 unsigned bits.
 * Checked without exceptions, since a malformed ID is an ordinary 400, not a failure.
 */
final class Ids {

    private static final String MAX_UNSIGNED = "18446744073709551615";

    private Ids() {
    }

    static boolean valid(String text) {
        int n = text.length();
        if (n == 0 || n > 20) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return n < 20 || text.compareTo(MAX_UNSIGNED) <= 0;
    }

    /** The value of a {@link #valid} snowflake. */
    static long parse(String text) {
        return Long.parseUnsignedLong(text);
    }

    /** For messages: the text as sent, shortened so an error never echoes a huge input. */
    static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
