package dev.hubcord.protocol;

/**
 * The hub's WebSocket close codes (contract section 8), plus the two standard codes the hub uses.
 * Each carries the short human-readable reason sent by default.
 */
public enum CloseCode {
    NORMAL(1000, "normal closure"),
    GOING_AWAY(1001, "hub shutting down"),
    NOT_IDENTIFIED(4000, "not identified"),
    AUTHENTICATION_FAILED(4001, "authentication failed"),
    ALREADY_IDENTIFIED(4002, "already identified"),
    UNKNOWN_OPCODE(4003, "unknown opcode"),
    INVALID_JSON(4004, "invalid JSON"),
    INVALID_PAYLOAD(4005, "invalid payload"),
    CANT_SEND(4006, "event not allowed for this service type"),
    NO_HEARTBEAT(4007, "no heartbeat"),
    RATE_LIMITED(4008, "rate limited"),
    INVALID_SESSION(4009, "invalid session"),
    PAYLOAD_TOO_LARGE(4010, "payload too large"),
    SLOW_CONSUMER(4011, "slow consumer");

    private final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    /** The default close reason. */
    public String reason() {
        return reason;
    }

    /** Returns the close code with this number, or {@code null} if it is not one of the hub's. */
    public static CloseCode fromCode(int code) {
        for (CloseCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
