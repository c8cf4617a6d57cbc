/**
 * Backpressure policy: how many unacknowledged events a session may hold (its window) and when a session that was
 * full takes events again. The single-process hub uses {@link dev.hubcord.hub.flow.WindowPolicy}; a clustered hub
 * maps the same decisions onto its broker's own flow control (JetStream's {@code max_ack_pending}).
 */
package dev.hubcord.hub.flow;
