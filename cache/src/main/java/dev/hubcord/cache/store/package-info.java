/**
 * The compact store behind {@link dev.hubcord.cache.DiscordCache}. Guilds are entries of a
 * concurrent map, each holding immutable channel and role maps swapped on write and a concurrent
 * map of voice states. Members are columnar segments (parallel primitive arrays, no object per
 * member) that one Caffeine cache bounds by a member budget, evicting least recently used
 * segments; users are striped sorted arrays with a packed byte blob per user, shared by all of a
 * user's memberships and reference-counted by them. Role-ID arrays are interned per guild.
 * Member search scans a guild's segments and tests names on the stored UTF-8 bytes (nickname
 * column, user blob) without allocating, decoding only the members it returns.
 * {@link dev.hubcord.cache.store.StateStore} applies payloads and
 * {@link dev.hubcord.cache.store.StateView} answers queries.
 */
package dev.hubcord.cache.store;
