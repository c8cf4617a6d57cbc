/**
 * Discord's REST API, as far as a sharder needs it: {@code GET /gateway/bot} for the gateway URL,
 * the recommended shard count and the identify concurrency.
 */
package dev.hubcord.sharder.discord;
