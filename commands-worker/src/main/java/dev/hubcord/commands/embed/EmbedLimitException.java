package dev.hubcord.commands.embed;

/**
 * An embed (or a message's embeds) over one of Discord's limits. The message names the limit, e.g.
 * {@code embed title is 300 characters, Discord's limit is 256}. Thrown while building, before anything is sent.
 */
public final class EmbedLimitException extends IllegalArgumentException {

    private final String limit;

    public EmbedLimitException(String limit, int actual, int max) {
        super(limit + " is " + actual + (limit.endsWith("fields") || limit.endsWith("embeds") ? "" : " characters")
                + ", Discord's limit is " + max);
        this.limit = limit;
    }

    /** Which limit: {@code embed title}, {@code embed description}, {@code embed fields}, ... */
    public String limit() {
        return limit;
    }
}
