package dev.hubcord.protocol.client;

/**
 * One transition of a {@link HubClient}'s {@link ConnectionState}.
 *
 * @param previous the state before
 * @param state the state now
 * @param closeCode the WebSocket close code that caused a move to {@link ConnectionState#DISCONNECTED}
 *     or {@link ConnectionState#FAILED}, or {@code -1} when there was none (a TCP failure, a normal
 *     transition)
 * @param reason the close reason or a short description; never {@code null}, may be empty
 */
public record StateChange(ConnectionState previous, ConnectionState state, int closeCode, String reason) {

    public StateChange {
        reason = reason == null ? "" : reason;
    }
}
