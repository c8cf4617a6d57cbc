/**
 * Shards and IDENTIFY slots for sharders. {@link dev.hubcord.hub.shards.ShardAssigner} spreads the
 * shard range evenly over the live sharder sessions and moves as few shards as it can when one
 * joins or leaves; {@link dev.hubcord.hub.shards.IdentifyGate} grants Discord IDENTIFYs at most
 * once per interval per {@code shard % maxConcurrency} bucket, across all sharders.
 */
package dev.hubcord.hub.shards;
