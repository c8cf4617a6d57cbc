package dev.hubcord.dave;

/**
 * The one unchecked exception of the DAVE module. {@link #kind()} says what failed; the cause, when there is one, is the
 * underlying library exception (BouncyCastle MLS throws plain {@code Exception}s).
 *
 * <p>Frame-level kinds are thrown on the media path, possibly for every bad packet, so those instances skip the stack
 * trace: a receive loop that logs and drops bad frames must stay cheap.
 */
public final class DaveException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** A binary or JSON DAVE payload could not be parsed. */
        MALFORMED_PAYLOAD,
        /** An MLS operation (key package, proposal, commit, welcome, exporter) failed. */
        MLS_FAILURE,
        /** A frame that must be decrypted is not a DAVE protocol frame and passthrough is not allowed. */
        NOT_ENCRYPTED,
        /** No key ratchet is installed for the sender (no executed transition yet, or the sender left the group). */
        MISSING_KEY_RATCHET,
        /** The sender's ratchet cannot provide a key for the frame's generation (erased, too far ahead, too young). */
        MISSING_CRYPTOR,
        /** The nonce was already used or is too old (replay protection). */
        INVALID_NONCE,
        /** AES-GCM authentication failed for every candidate key. */
        DECRYPTION_FAILED,
        /** AES-GCM encryption failed (should not happen with a valid key). */
        ENCRYPTION_FAILED,
        /** The caller's output buffer cannot hold the result. */
        BUFFER_TOO_SMALL,
        /** A method was called in a state where it makes no sense (e.g. on a closed session). */
        ILLEGAL_STATE
    }

    private final Kind kind;

    public DaveException(Kind kind, String message) {
        this(kind, message, null);
    }

    public DaveException(Kind kind, String message, Throwable cause) {
        super(message, cause, true, !isFrameKind(kind));
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    private static boolean isFrameKind(Kind kind) {
        return switch (kind) {
            case NOT_ENCRYPTED, MISSING_KEY_RATCHET, MISSING_CRYPTOR, INVALID_NONCE, DECRYPTION_FAILED -> true;
            default -> false;
        };
    }

    @Override
    public String getMessage() {
        return kind + ": " + super.getMessage();
    }
}
