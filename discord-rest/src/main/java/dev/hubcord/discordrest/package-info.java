/**
 * The Discord REST v10 client of every hubcord service: {@link dev.hubcord.discordrest.Route}s and their bucket
 * keys, {@link dev.hubcord.discordrest.DiscordRest} (transport, retries after 429/5xx, error kinds, metrics), and the
 * limiter seam {@link dev.hubcord.discordrest.RateLimits}: {@link dev.hubcord.discordrest.LocalRateLimits} keeps the
 * buckets, the global limit and the invalid-request count in the process; {@link dev.hubcord.discordrest.HubRateLimits}
 * asks the hub ({@code RATELIMIT_ACQUIRE}, {@code RATELIMIT_UPDATE}) so that every process of the deployment shares
 * them, and falls back to a local share of the global limit when the hub does not answer.
 */
package dev.hubcord.discordrest;
