/**
 * The hub's REST API over its Discord cache ({@code /v1/discord/...}, contract section 9): members and member
 * search, computed permissions, guilds, channels, roles, users and voice states, as records. Commands read the
 * cache here instead of asking Discord, which keeps them fast and off Discord's rate limits.
 */
package dev.hubcord.commands.hub;
