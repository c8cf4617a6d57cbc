/**
 * The simulated gateway v10: HELLO and heartbeats, IDENTIFY validation with Discord's close codes, identify
 * concurrency and session-start accounting, sessions with sequence numbers and a replay buffer for RESUME, op 7 and
 * op 9, per-connection limits (4002, 4008), zlib-stream and zstd-stream transport compression with one context per
 * connection, intent-gated dispatch routing by {@code (guild_id >> 22) % num_shards}, op 4 voice joins and op 8
 * member chunks. Behaviour the reference marks unverified is chosen through {@link
 * dev.hubcord.discordsim.gateway.GatewayConfig}.
 */
package dev.hubcord.discordsim.gateway;
