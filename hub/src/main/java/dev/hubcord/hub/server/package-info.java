/**
 * The Netty side of the hub, in Netty's Server / Initializer / Handler shape: one port whose HTTP
 * handler answers REST, health and metrics requests and upgrades {@code /ws/v1} (and {@code /ws}) to
 * a WebSocket handled by {@link dev.hubcord.hub.server.HubWebSocketHandler}, which decodes frames,
 * enforces the connection rules (rate, size, heartbeats) and calls the core.
 */
package dev.hubcord.hub.server;
