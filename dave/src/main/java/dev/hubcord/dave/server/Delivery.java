package dev.hubcord.dave.server;

/** One message the delivery service wants sent to one user's voice connection. */
public record Delivery(long userId, ServerMessage message) {
}
