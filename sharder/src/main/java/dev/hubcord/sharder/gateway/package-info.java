/**
 * Discord gateway v10 client: one {@link dev.hubcord.sharder.gateway.Shard} per shard on a shared
 * Netty event loop group, with zstd-stream or zlib-stream transport compression, jittered heartbeats,
 * zombie detection, RESUME, IDENTIFY gated by the hub, fatal close codes, and the 120/60 s send limit.
 * {@link dev.hubcord.sharder.gateway.ShardManager} runs the shards the hub assigns.
 */
package dev.hubcord.sharder.gateway;
