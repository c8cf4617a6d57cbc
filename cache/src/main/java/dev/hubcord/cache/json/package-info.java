/**
 * Writes cached entities in the hub's REST answer shape (camelCase field names as in the Oxyl
 * seed, IDs and permission bit sets as decimal strings, timestamps in Discord's ISO 8601 form)
 * straight to a Jackson {@link com.fasterxml.jackson.core.JsonGenerator}, so the hub renders an
 * answer without building a tree.
 */
package dev.hubcord.cache.json;
