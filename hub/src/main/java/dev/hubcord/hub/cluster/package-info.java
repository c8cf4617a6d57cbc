/**
 * The clustered hub's coordination on NATS JetStream: what several hub nodes must agree on is kept in JetStream
 * key-value buckets and changed only with compare-and-set ({@code create} of an absent key, {@code update} with the
 * revision read), so that no two nodes can both believe they won. Nothing here compares clocks across machines: a
 * node measures every interval from the moment it first saw a revision on its own monotonic clock, which is never
 * earlier than the moment that revision was written.
 *
 * <p>Each class implements a seam the single-process hub implements in memory ({@code IdentifySpacing},
 * {@code Leases}); the hub chooses one or the other at start-up.
 */
package dev.hubcord.hub.cluster;
