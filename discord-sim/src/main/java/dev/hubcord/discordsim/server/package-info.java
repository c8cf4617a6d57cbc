/**
 * The Netty server that carries the simulator: one port for gateway websockets ({@code /} and the resume URL
 * {@code /resume}), REST ({@code /api/v10/…}) and the control API ({@code /_sim/…}). Handlers only translate
 * between Netty and the simulator's values; all protocol logic lives in the gateway and rest packages.
 */
package dev.hubcord.discordsim.server;
