/**
 * The control API tests use to drive the simulator: inject dispatches, trigger population events (messages,
 * interactions, member/role/channel/guild changes), close, drop, reconnect or invalidate gateway connections, and
 * read what clients sent over the gateway and REST; see what reached the embedded voice server and add or remove
 * simulated listeners in a guild's voice channel ({@link dev.hubcord.discordsim.control.VoiceControl}). Available
 * in Java ({@link dev.hubcord.discordsim.control.SimControl}) and over HTTP under {@code /_sim/}
 * ({@link dev.hubcord.discordsim.control.ControlRoutes}).
 */
package dev.hubcord.discordsim.control;
