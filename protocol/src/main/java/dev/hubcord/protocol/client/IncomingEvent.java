package dev.hubcord.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One op 2 event received from the hub, as handed to an {@link EventListener}.
 *
 * <p>The same instance is given to every listener, so treat {@link #data()} as read-only.
 */
public interface IncomingEvent {

    /** The event name ({@code t}), e.g. {@code EXECUTE_COMMAND}. */
    String name();

    /** The hub's per-session sequence number ({@code s}). */
    long seq();

    /** The event data ({@code d}); a JSON null is a {@code NullNode}, never Java {@code null}. */
    JsonNode data();

    /**
     * Whether the hub delivers this event again after the session that first got it ended without
     * acknowledging it ({@code d.redelivered}). Handlers make such work idempotent.
     */
    boolean redelivered();

    /**
     * {@code d.nonce} when the event is a request (answer it with {@link HubClient#reply}), else {@code null}. Only
     * events the protocol declares as possible requests ({@code LOAD_TRACKS}, the {@code PLAYER_*} commands) are
     * requests; a {@code REPLY} that matched no request of this client also shows its nonce. A {@code nonce} in any other
     * event's data is the sender application's and is left in {@link #data()}.
     */
    String nonce();

    /**
     * Sends op 7 ACK for this event, once: further calls do nothing. Also a no-op for events that
     * need no acknowledgement (the hub's direct events). With {@link AckMode#AUTO} the client calls it
     * after the listeners return, unless one of them called {@link #deferAck()}. Thread-safe and non-blocking; an ACK made while disconnected goes
     * out after the session is resumed, and is dropped if the session is lost (the hub then
     * redelivers the event elsewhere, marked {@link #redelivered()}).
     */
    void ack();

    /**
     * Takes over this event's acknowledgement: with {@link AckMode#AUTO} the client then does not acknowledge it when
     * the listeners return, and the listener that deferred it must call {@link #ack()} when its work is done (e.g. a
     * command that runs on another thread). Call it from inside the listener. Does nothing for events that need no
     * acknowledgement, nor with {@link AckMode#MANUAL}, where every acknowledgement is the application's.
     */
    void deferAck();

    /** Whether {@link #ack()} has been called (by the application or automatically). */
    boolean acked();
}
