package dev.hubcord.sharder;

/**
 * A failure of the sharder that the caller must act on. {@link Kind} says what went wrong; the
 * cause, when there is one, holds the underlying exception.
 */
public final class SharderException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** A setting is missing, malformed or out of range. */
        CONFIG,
        /** Discord refused the token (401 on {@code GET /gateway/bot}): retrying would not help. */
        DISCORD_AUTH,
        /** Discord's REST API could not be reached or answered something unusable. */
        DISCORD_UNAVAILABLE,
        /** The process could not start (a port in use, the hub refused the secret...). */
        STARTUP
    }

    private final Kind kind;

    public SharderException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SharderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
