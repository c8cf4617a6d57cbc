package dev.hubcord.hub.routing;

/** Discord IDs: unsigned 64-bit integers written as decimal strings. */
public final class Snowflakes {

    private Snowflakes() {}

    /**
     * Parses an ID.
     *
     * @throws NumberFormatException when it is not an unsigned 64-bit decimal number
     */
    public static long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 20 || id.charAt(0) == '+' || id.charAt(0) == '-') {
            throw new NumberFormatException("not a snowflake: " + id);
        }
        return Long.parseUnsignedLong(id);
    }

    /** Whether the text is a valid ID. */
    public static boolean isValid(String id) {
        try {
            parse(id);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
