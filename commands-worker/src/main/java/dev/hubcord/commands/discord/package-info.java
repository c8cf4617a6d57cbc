/**
 * A Discord REST v10 client with Discord's rate-limit model: one {@link dev.hubcord.commands.discord.DiscordRest}
 * per process whose limits (buckets by hash and major parameter, the global limit, the invalid-request cap) come
 * from module {@code discord-rest}, coordinated by the hub for the deployment; the three kinds of 429, timeouts and
 * retries for 5xx here.
 * Requests block the calling (virtual) thread while their bucket is empty instead of failing;
 * {@link dev.hubcord.commands.discord.DiscordApi} has the endpoints the commands use.
 */
package dev.hubcord.commands.discord;
