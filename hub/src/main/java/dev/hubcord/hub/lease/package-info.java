/**
 * Named leases the hub hands to services ({@code LEASE}, {@code LEASE_RELEASE}): one holder per name at a time,
 * until it releases the lease, its time to live passes, or its session ends. Services use them for work that one of
 * them must do for the whole deployment (the commands workers' application command registration). The table is a
 * seam: the single-process hub keeps it in memory ({@link dev.hubcord.hub.lease.LocalLeases}); a clustered hub keeps
 * it where every node sees it, with compare-and-set.
 */
package dev.hubcord.hub.lease;
