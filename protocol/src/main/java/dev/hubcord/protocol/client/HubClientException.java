package dev.hubcord.protocol.client;

/**
 * A failure of a {@link HubClient}. The {@link Kind} says what went wrong and what the client does
 * about it; {@link #getCause()} holds the underlying exception when there is one, and
 * {@link #closeCode()} the WebSocket close code when a close caused it.
 *
 * <p>Only programming errors are thrown ({@link Kind#INVALID_ARGUMENT}); everything asynchronous is
 * reported to {@link ErrorListener}s or fails a returned future.
 */
public final class HubClientException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The TCP connection or the WebSocket handshake failed. The client retries with backoff. */
        CONNECTION_FAILED,
        /** An established connection closed or dropped. The client reconnects with backoff and resumes. */
        CONNECTION_LOST,
        /**
         * No HEARTBEAT_ACK arrived for a heartbeat before the next was due. The client closes the
         * connection with {@value HubClient#DEAD_CONNECTION_CLOSE_CODE} and resumes.
         */
        HEARTBEAT_TIMEOUT,
        /** The hub closed with 4001: wrong secret. Terminal: the client stops and fails {@link HubClient#connect()}. */
        AUTHENTICATION_FAILED,
        /** The hub closed with 4009: the session cannot be resumed. The client IDENTIFYs afresh. */
        SESSION_INVALIDATED,
        /**
         * The hub sent a frame that does not decompress or decode, or an unusable payload. The client
         * closes the connection with the matching 40xx code and resumes.
         */
        PROTOCOL_ERROR,
        /** A send was refused because the buffer of payloads waiting for a connection was full. */
        BUFFER_FULL,
        /** An event listener or the statistics supplier threw; the client goes on. */
        LISTENER_FAILED,
        /** The client has been closed: pending requests fail with this. */
        CLOSED,
        /** A call the protocol would refuse (unknown event, event this service type may not send...). Thrown. */
        INVALID_ARGUMENT
    }

    private final Kind kind;
    private final int closeCode;

    public HubClientException(Kind kind, String message) {
        this(kind, message, -1, null);
    }

    public HubClientException(Kind kind, String message, Throwable cause) {
        this(kind, message, -1, cause);
    }

    public HubClientException(Kind kind, String message, int closeCode, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
        this.closeCode = closeCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The WebSocket close code involved, or {@code -1}. */
    public int closeCode() {
        return closeCode;
    }
}
