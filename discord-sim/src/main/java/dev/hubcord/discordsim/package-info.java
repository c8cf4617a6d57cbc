/**
 * A faithful simulated Discord gateway v10 and REST v10 server with a voice server beside it (voice gateway v8, UDP,
 * DAVE), used in-process by tests and runnable on its own
 * ({@link dev.hubcord.discordsim.DiscordSimMain}). {@link dev.hubcord.discordsim.DiscordSim} is the entry point:
 * configure it with a {@link dev.hubcord.discordsim.SimConfig}, start it, point a client at its URLs, and drive it
 * through its control API. It follows the project's Discord reference, including the awkward parts.
 */
package dev.hubcord.discordsim;
