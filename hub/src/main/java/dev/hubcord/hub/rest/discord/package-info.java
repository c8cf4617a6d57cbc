/**
 * The Discord REST API under {@code /v1/discord} (contract section 9), answered from the hub's
 * {@link dev.hubcord.cache.DiscordCache}. {@link dev.hubcord.hub.rest.discord.DiscordApi} matches a
 * path's shape to a route without regular expressions or exceptions, checks the method, parses the
 * IDs, and hands the request to the resource for that concern (guild structure, members, voice
 * states and users); answers are streamed with {@link dev.hubcord.cache.json.CacheJsonWriter}
 * straight into the response bytes, with no intermediate tree, because this runs on the event loop
 * for every request.
 */
package dev.hubcord.hub.rest.discord;
