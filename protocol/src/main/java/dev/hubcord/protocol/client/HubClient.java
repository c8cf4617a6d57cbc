package dev.hubcord.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.client.internal.DefaultHubClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to the hub that survives drops: it identifies, heartbeats, reconnects with jittered
 * exponential backoff, resumes its session (or identifies afresh when the hub says 4009), and delivers
 * events to listeners in order off the network threads.
 *
 * <p>Failure modes, all reported to {@link ErrorListener}s rather than thrown:
 * <ul>
 *   <li>TCP or handshake failure, a dropped connection, a close by the hub other than 4001, a missing
 *       HEARTBEAT_ACK, an undecodable frame: reconnect with backoff and RESUME with the last {@code s}
 *       received ({@link HubClientException.Kind#CONNECTION_FAILED}, {@code CONNECTION_LOST},
 *       {@code HEARTBEAT_TIMEOUT}, {@code PROTOCOL_ERROR});</li>
 *   <li>4009 invalid session: the buffered ACKs of the old session are dropped and the client IDENTIFYs
 *       afresh ({@code SESSION_INVALIDATED}); unacknowledged events are redelivered by the hub;</li>
 *   <li>4001 wrong secret: the client stops for good in state {@link ConnectionState#FAILED} and fails
 *       {@link #connect()} ({@code AUTHENTICATION_FAILED});</li>
 *   <li>a send while the buffer is full returns {@code false} ({@code BUFFER_FULL}).</li>
 * </ul>
 * Without publisher acknowledgements a payload written just before a connection drops may be lost.
 * With them ({@link HubClientOptions#publishAcks()}) every sent payload is held until the hub confirms
 * it and written again on the next connection (after a RESUME: those the hub had not taken; after a
 * fresh IDENTIFY: all still held); only {@link #close()} drops held payloads, and logs how many.
 * Events from the hub are not lost: unacknowledged ones are replayed or redelivered.
 *
 * <p>All methods are thread-safe.
 */
public interface HubClient extends AutoCloseable {

    /** The close code this client uses for a connection it considers dead (not 1000/1001, so the session is kept). */
    int DEAD_CONNECTION_CLOSE_CODE = 4999;

    /** Creates a client; nothing happens on the network until {@link #connect()}. */
    static HubClient create(HubClientOptions options) {
        return new DefaultHubClient(options);
    }

    /**
     * Starts connecting (idempotent). The future completes with the first IDENTIFIED; it keeps
     * waiting through failed attempts (which go to the error listeners), and fails with a
     * {@link HubClientException} of kind {@code AUTHENTICATION_FAILED} on 4001 or {@code CLOSED} when the
     * client is closed first. Its dependent actions never run on a network thread.
     */
    CompletableFuture<Identified> connect();

    /**
     * Sends an op 2 event. While not connected (or before IDENTIFIED/RESUMED) the payload waits in
     * the send buffer and goes out, in order, once the session is up.
     *
     * @param data anything Jackson can serialise (a record, a map, a {@code JsonNode})
     * @return {@code false} when refused: the buffer is full (the error listeners are told) or the
     *     client is closed
     * @throws HubClientException {@code INVALID_ARGUMENT} when the event is not in the event table or
     *     this service type may not send it (the hub would close the connection for it)
     */
    boolean send(String event, Object data);

    /**
     * Sends an op 5 CACHE entity, buffered like {@link #send}.
     *
     * @throws HubClientException {@code INVALID_ARGUMENT} when this client is neither a sharder nor a commands
     *     worker sending a {@code member} or {@code user} upsert (the hub would close the connection with 4003)
     */
    boolean sendCache(Object entity);

    /**
     * Sends a request: a copy of {@code data} with a fresh unique {@code nonce} added. The future
     * completes with the {@code d} of the REPLY carrying that nonce (the REPLY is not passed to
     * event listeners), or fails with {@link java.util.concurrent.TimeoutException} after
     * {@code timeout}, with {@code BUFFER_FULL} when the send is refused, or with {@code CLOSED}.
     * Its dependent actions never run on a network thread or the event dispatcher, so a listener may
     * block on it.
     *
     * @throws HubClientException {@code INVALID_ARGUMENT} as for {@link #send}, or when the event is not one the
     *     protocol allows as a request ({@link dev.hubcord.protocol.EventType#mayBeRequest()})
     */
    CompletableFuture<JsonNode> request(String event, ObjectNode data, Duration timeout);

    /**
     * Answers a request: sends REPLY with {@code data} (serialised to an object) plus the request's nonce.
     *
     * @return as {@link #send}
     * @throws HubClientException {@code INVALID_ARGUMENT} when the event has no nonce or data is not an object
     */
    boolean reply(IncomingEvent request, Object data);

    /** Adds a listener for every event. */
    void addEventListener(EventListener listener);

    /** Adds a listener for the events with this name only. */
    void addEventListener(String eventName, EventListener listener);

    void addConnectionListener(ConnectionListener listener);

    void addErrorListener(ErrorListener listener);

    ConnectionState state();

    /** The IDENTIFIED data of the current session, once identified. */
    Optional<Identified> identified();

    /** Events received and not yet acknowledged (e.g. a commands worker's {@code inFlight}). */
    int unacknowledged();

    /** Payloads waiting in the send buffer for a session to be up. */
    int queued();

    /**
     * Payloads this client holds for the hub: those waiting for a session and, with publisher
     * acknowledgements, those sent and not yet confirmed. Sends are refused ({@code BUFFER_FULL})
     * while this is at {@code sendBufferCapacity} or its bytes at {@code sendBufferBytes}.
     */
    default int unconfirmed() {
        return queued();
    }

    /** The encoded size of the {@link #unconfirmed()} payloads, in bytes. */
    default long unconfirmedBytes() {
        return 0;
    }

    /**
     * Closes with 1000, which ends the session at once on the hub (its unacknowledged events go to
     * other clients), fails pending requests and {@link #connect()} with {@code CLOSED}, and releases
     * the client's threads. Waits a few seconds at most; idempotent. Queued and unconfirmed sends are
     * dropped (their number is logged).
     */
    @Override
    void close();
}
