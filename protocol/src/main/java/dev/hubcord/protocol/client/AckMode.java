package dev.hubcord.protocol.client;

/**
 * When the client sends op 7 ACK for an event that needs one (delivery modes {@code one},
 * {@code guild} and {@code DISPATCH}; the hub's own direct events need none).
 */
public enum AckMode {
    /** After every event listener has returned (or thrown) for the event. */
    AUTO,
    /** Only when the application calls {@link IncomingEvent#ack()}, e.g. when a command has finished. */
    MANUAL
}
