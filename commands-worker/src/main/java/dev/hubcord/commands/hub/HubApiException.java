package dev.hubcord.commands.hub;

/** The hub's REST API could not answer (unreachable, an error status, or a body that does not parse). */
public final class HubApiException extends RuntimeException {

    /** Why. */
    public enum Kind {
        UNAVAILABLE,
        ERROR_STATUS,
        BAD_BODY,
        INTERRUPTED
    }

    private final Kind kind;

    public HubApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
