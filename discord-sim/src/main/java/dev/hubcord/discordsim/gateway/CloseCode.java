package dev.hubcord.discordsim.gateway;

/** Gateway close codes 4000–4014 with Discord's meanings; {@link #reason()} is the text sent in the close frame. */
public enum CloseCode {
    UNKNOWN_ERROR(4000, "Unknown error."),
    UNKNOWN_OPCODE(4001, "Unknown opcode."),
    DECODE_ERROR(4002, "Error while decoding payload."),
    NOT_AUTHENTICATED(4003, "Not authenticated."),
    AUTHENTICATION_FAILED(4004, "Authentication failed."),
    ALREADY_AUTHENTICATED(4005, "Already authenticated."),
    INVALID_SEQ(4007, "Invalid seq."),
    RATE_LIMITED(4008, "Rate limited."),
    SESSION_TIMED_OUT(4009, "Session timed out."),
    INVALID_SHARD(4010, "Invalid shard."),
    SHARDING_REQUIRED(4011, "Sharding required."),
    INVALID_API_VERSION(4012, "Invalid API version."),
    INVALID_INTENTS(4013, "Invalid intent(s)."),
    DISALLOWED_INTENTS(4014, "Disallowed intent(s).");

    private final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** Discord's reason text for a code, or a generic one for codes outside the table. */
    public static String reasonFor(int code) {
        for (CloseCode c : values()) {
            if (c.code == code) {
                return c.reason;
            }
        }
        return "Closed by simulator.";
    }
}
