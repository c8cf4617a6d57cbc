/**
 * Turns one op 5 CACHE {@code d} object into a validated {@link dev.hubcord.cache.ingest.CachePayload}.
 * Member payloads, the hot path, are read with Jackson's streaming parser straight into a
 * {@link dev.hubcord.cache.ingest.MemberDraft}; the rarer, nested entities (guilds with their
 * arrays, channels, roles, users, voice states) are read from a tree. Absent fields stay absent in
 * the drafts (the store keeps its old value) while explicit nulls clear, which is how Discord's
 * partial updates mean them. Every refusal is a {@link dev.hubcord.cache.CacheException} with a
 * kind and a message naming the field.
 */
package dev.hubcord.cache.ingest;
