package dev.hubcord.cache;

/**
 * An op 5 payload the cache refuses. The {@link Kind} lets the hub map it to close code 4005
 * (or a 400 on REST) without parsing the message.
 */
public final class CacheException extends RuntimeException {

    /** Why a payload was refused. */
    public enum Kind {
        /** Not parseable as JSON. */
        MALFORMED_JSON,
        /** The payload (or a nested entity) is not a JSON object. */
        NOT_AN_OBJECT,
        /** {@code type} missing or not one of member, role, user, guild, channel, voiceState. */
        UNKNOWN_TYPE,
        /** A required field is absent or null. */
        MISSING_FIELD,
        /** A field has the wrong JSON type or an impossible value. */
        INVALID_FIELD,
        /** An ID that is not an unsigned 64-bit decimal snowflake. */
        INVALID_SNOWFLAKE
    }

    private final Kind kind;

    public CacheException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CacheException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
