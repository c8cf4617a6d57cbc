package dev.hubcord.protocol.client;

/** Where a {@link HubClient} is in its lifecycle. */
public enum ConnectionState {
    /** Created; {@link HubClient#connect()} not called yet. */
    NEW,
    /** Opening the TCP connection and the WebSocket handshake. */
    CONNECTING,
    /** HELLO received, IDENTIFY sent, waiting for IDENTIFIED. */
    IDENTIFYING,
    /** HELLO received, RESUME sent, waiting for the replay and RESUMED. */
    RESUMING,
    /** IDENTIFIED or RESUMED received: events flow and buffered sends have gone out. */
    CONNECTED,
    /** The connection dropped; a reconnect is scheduled with backoff. */
    DISCONNECTED,
    /** {@link HubClient#close()} was called; terminal. */
    CLOSED,
    /** The hub refused the client for good (4001 authentication failed); terminal, no retries. */
    FAILED;

    /** Whether the client will never connect again. */
    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}
