package dev.hubcord.protocol.client;

/**
 * When the client sends op 7 ACK for an event that needs one (delivery modes {@code one},
 * {@code guild} and {@code DISPATCH}; the hub's own direct events need none).
 */
public enum AckMode {
    /**
     * After every event listener has returned (or thrown) for the event, unless a listener called
     * {@link IncomingEvent#deferAck()} to acknowledge it later itself. The default: an event nobody handles
     * (e.g. a {@code PLAYER_UPDATE} a worker has no listener for) is still acknowledged, so the hub's count of
     * unacknowledged events, its least-loaded balancing and redelivery after a death stay truthful.
     */
    AUTO,
    /**
     * Only when the application calls {@link IncomingEvent#ack()}. Every event that needs an acknowledgement must then
     * be acknowledged by the application, including events it does not care about; prefer {@link #AUTO} with
     * {@link IncomingEvent#deferAck()} for the events acknowledged late.
     */
    MANUAL
}
