/**
 * The hub as the coordinator of Discord's REST limits ({@code RATELIMIT_ACQUIRE}, {@code RATELIMIT_UPDATE}): one
 * global limit, one set of buckets and one invalid-request count for every process of the deployment that calls
 * Discord, instead of one per process. The clients' side is {@code dev.hubcord.discordrest.HubRateLimits}; why the
 * hub rather than a REST proxy is in {@code docs/architecture.md}.
 */
package dev.hubcord.hub.ratelimit;
