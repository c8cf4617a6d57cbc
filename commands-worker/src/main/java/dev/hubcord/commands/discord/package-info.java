/**
 * A Discord REST v10 client with Discord's rate-limit model: one {@link dev.hubcord.commands.discord.DiscordRest}
 * per process, per-route buckets learnt from the {@code X-RateLimit-*} headers and keyed by bucket hash and major
 * parameter, the global limit, the three kinds of 429, a cap on invalid requests, timeouts and retries for 5xx.
 * Requests block the calling (virtual) thread while their bucket is empty instead of failing;
 * {@link dev.hubcord.commands.discord.DiscordApi} has the endpoints the commands use.
 */
package dev.hubcord.commands.discord;
