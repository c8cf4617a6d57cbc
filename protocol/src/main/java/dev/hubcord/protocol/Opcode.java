package dev.hubcord.protocol;

/**
 * The opcodes of hub protocol v1 (contract section 3). The hub sends 8 only to clients that asked for
 * publisher acknowledgements.
 */
public enum Opcode {
    IDENTIFY(0),
    HEARTBEAT(1),
    EVENT(2),
    HELLO(3),
    HEARTBEAT_ACK(4),
    CACHE(5),
    RESUME(6),
    ACK(7),
    PUBLISH_ACK(8);

    private static final Opcode[] BY_CODE = values();

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Returns the opcode with this number, or {@code null} when the number is not an opcode. */
    public static Opcode fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Whether a client may send this opcode to the hub. */
    public boolean clientMaySend() {
        return this != HELLO && this != HEARTBEAT_ACK && this != PUBLISH_ACK;
    }
}
