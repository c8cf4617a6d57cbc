/**
 * The sharder's side of the hub protocol, on top of {@code HubClient}: identifies as a sharder with
 * its gateway hint, applies shard assignments, runs the IDENTIFY gate, executes GATEWAY_SEND on the
 * right shard, and resends guild state after the hub lost it or the send buffer overflowed.
 */
package dev.hubcord.sharder.hub;
