/**
 * The control API tests use to drive the simulator: inject dispatches, trigger population events (messages,
 * interactions, member/role/channel/guild changes), close, drop, reconnect or invalidate gateway connections, and
 * read what clients sent over the gateway and REST. Available in Java ({@link dev.hubcord.discordsim.control.SimControl})
 * and over HTTP under {@code /_sim/} ({@link dev.hubcord.discordsim.control.ControlRoutes}).
 */
package dev.hubcord.discordsim.control;
