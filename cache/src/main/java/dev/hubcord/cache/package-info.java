/**
 * Compact in-memory store of the Discord state that sharders push to the hub with op 5 CACHE
 * payloads. {@link dev.hubcord.cache.DiscordCache} is the entry point: {@code apply} ingests one
 * op 5 {@code d} object, the query methods answer the hub's REST routes, and
 * {@link dev.hubcord.cache.CacheMetrics} exposes sizes and evictions to Micrometer. The module has
 * no server code; the hub owns transport and HTTP.
 */
package dev.hubcord.cache;
