package dev.hubcord.protocol.client;

/**
 * What a sharder read from Discord ({@code GET /gateway/bot}, READY), sent in IDENTIFY's
 * {@code gateway} so the hub can choose the shard count and learn the bot's identity.
 *
 * @param shards Discord's recommended shard count, or {@code 0} when unknown (omitted from IDENTIFY)
 * @param maxConcurrency Discord's {@code max_concurrency}, or {@code 0} when unknown (omitted)
 * @param userId the bot user's ID, or {@code null} when not known yet (omitted)
 * @param applicationId the application's ID, or {@code null} when not known yet (omitted)
 */
public record GatewayInfo(int shards, int maxConcurrency, String userId, String applicationId) {

    public GatewayInfo {
        if (shards < 0 || maxConcurrency < 0) {
            throw new IllegalArgumentException("shards and maxConcurrency must not be negative");
        }
    }
}
