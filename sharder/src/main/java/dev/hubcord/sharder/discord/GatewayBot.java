package dev.hubcord.sharder.discord;

/**
 * What {@code GET /gateway/bot} said.
 *
 * @param url the gateway URL to connect to (without query)
 * @param shards Discord's recommended shard count
 * @param maxConcurrency IDENTIFYs allowed per 5 s per bucket {@code shard % maxConcurrency}
 * @param sessionStartsRemaining {@code session_start_limit.remaining}
 */
public record GatewayBot(String url, int shards, int maxConcurrency, int sessionStartsRemaining) {}
