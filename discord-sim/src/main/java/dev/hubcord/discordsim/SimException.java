package dev.hubcord.discordsim;

/**
 * The one unchecked exception of the simulator: a {@link Kind} that says what went wrong, a message, and an optional
 * cause. Protocol errors seen by clients are never thrown: they become close codes or REST error bodies.
 */
public final class SimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Kind {
        /** A configuration value is out of range or a config file cannot be read. */
        CONFIG,
        /** The server could not bind or start. */
        STARTUP,
        /** A control-API call named a guild, user, channel, connection or shard that does not exist. */
        NOT_FOUND,
        /** A control-API call carried arguments that make no sense. */
        BAD_REQUEST,
        /** A bug or an unexpected library failure inside the simulator. */
        INTERNAL
    }

    private final Kind kind;

    public SimException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SimException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
