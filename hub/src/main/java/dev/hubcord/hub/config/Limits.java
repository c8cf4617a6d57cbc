package dev.hubcord.hub.config;

/**
 * The hub's bounds on what one client may cost it: the window of unacknowledged events, the outbound
 * backlog of a connection, the handshake and identify timeouts, and the connection limits.
 *
 * @param maxUnacked {@code HUB_MAX_UNACKED}
 * @param backlogPayloads {@code HUB_OUTBOUND_BACKLOG}
 * @param backlogBytes {@code HUB_OUTBOUND_BACKLOG_BYTES}
 * @param handshakeTimeoutMs {@code HUB_HANDSHAKE_TIMEOUT_MS}
 * @param identifyTimeoutMs {@code HUB_IDENTIFY_TIMEOUT_MS}
 * @param maxConnections {@code HUB_MAX_CONNECTIONS}
 * @param maxConnectionsPerAddress {@code HUB_MAX_CONNECTIONS_PER_ADDRESS}
 * @param replayBytes {@code HUB_REPLAY_BUFFER_BYTES}
 */
public record Limits(int maxUnacked, int backlogPayloads, long backlogBytes, int handshakeTimeoutMs,
        int identifyTimeoutMs, int maxConnections, int maxConnectionsPerAddress, long replayBytes) {}
