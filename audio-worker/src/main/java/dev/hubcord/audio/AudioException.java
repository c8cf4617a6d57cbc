package dev.hubcord.audio;

import java.io.Serial;

/** The worker's one unchecked exception: a {@link Kind} saying what failed, a message and an optional cause. */
public final class AudioException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Kind {
        /** A setting is missing, malformed or out of range. */
        CONFIG,
        /** A command from the hub is malformed or names something that does not exist. */
        BAD_COMMAND,
        /** Loading a track or decoding an encoded track failed. */
        LOAD,
        /** The voice gateway or UDP transport failed. */
        VOICE,
        /** Transport encryption could not be set up or failed. */
        CRYPTO
    }

    private final Kind kind;

    public AudioException(Kind kind, String message) {
        this(kind, message, null);
    }

    public AudioException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
