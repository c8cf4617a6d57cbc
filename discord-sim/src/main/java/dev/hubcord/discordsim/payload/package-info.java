/**
 * Builders for Discord's JSON objects (users, guilds, roles, channels, members, voice states, messages,
 * interactions), shaped like real captures rather than the documentation's tidy examples: channels inside
 * GUILD_CREATE lack {@code guild_id}, message members lack {@code user}, and undocumented keys are present.
 */
package dev.hubcord.discordsim.payload;
