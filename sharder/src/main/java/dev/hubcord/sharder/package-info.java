/**
 * The sharder: a process that holds Discord gateway connections for the shards the hub assigns and
 * forwards what they see to the hub. {@link dev.hubcord.sharder.SharderMain} is {@code java -jar
 * sharder.jar}; {@link dev.hubcord.sharder.Sharder} is the same thing embedded (tests, benchmarks).
 */
package dev.hubcord.sharder;
