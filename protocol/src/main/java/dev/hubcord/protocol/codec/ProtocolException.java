package dev.hubcord.protocol.codec;

import dev.hubcord.protocol.CloseCode;

/**
 * A payload that breaks the protocol. The {@link Kind} says which rule, and so which close code the
 * hub answers with; the message says what exactly, for the close reason and the log.
 */
public final class ProtocolException extends RuntimeException {

    /** What was wrong with the payload. */
    public enum Kind {
        /** Not JSON, or a frame that does not decompress. */
        INVALID_JSON(CloseCode.INVALID_JSON),
        /** Valid JSON with missing or ill-typed fields. */
        INVALID_PAYLOAD(CloseCode.INVALID_PAYLOAD),
        /** An opcode outside the table. */
        UNKNOWN_OPCODE(CloseCode.UNKNOWN_OPCODE),
        /** Larger than the payload limit after decompression. */
        TOO_LARGE(CloseCode.PAYLOAD_TOO_LARGE);

        private final CloseCode closeCode;

        Kind(CloseCode closeCode) {
            this.closeCode = closeCode;
        }

        public CloseCode closeCode() {
            return closeCode;
        }
    }

    private final Kind kind;

    public ProtocolException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProtocolException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public CloseCode closeCode() {
        return kind.closeCode();
    }
}
