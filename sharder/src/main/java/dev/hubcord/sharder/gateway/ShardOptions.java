package dev.hubcord.sharder.gateway;

import dev.hubcord.sharder.config.GatewayCompression;
import java.util.Objects;

/**
 * How every shard of this process connects and identifies.
 *
 * @param gatewayUrl the URL from {@code GET /gateway/bot} (the query is added per connection)
 * @param token the bot token, without {@code Bot }
 * @param intents IDENTIFY's intents
 * @param compression the transport compression asked for in the URL
 * @param largeThreshold IDENTIFY's {@code large_threshold}
 * @param readyTimeoutMs after READY, the shard is READY once no GUILD_CREATE arrived for this long
 * @param invalidSessionDelayMs after op 9 false, wait a random 1/5..1 of this before a new IDENTIFY
 * @param sendQueue payloads queued per shard while it cannot send (no session, 120/60 s budget used)
 * @param maxPayloadBytes the largest gateway payload accepted after decompression
 * @param connectTimeoutMs the limit for TCP connect and WebSocket handshake
 * @param memberRequests which guilds' full member lists each shard requests, and how many at once
 */
public record ShardOptions(
        String gatewayUrl,
        String token,
        int intents,
        GatewayCompression compression,
        int largeThreshold,
        int readyTimeoutMs,
        int invalidSessionDelayMs,
        int sendQueue,
        int maxPayloadBytes,
        int connectTimeoutMs,
        MemberRequestOptions memberRequests) {

    /** READY and GUILD_CREATE of big guilds are many MB; Netty's 64 KiB default is far too small. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 128 * 1024 * 1024;

    public ShardOptions {
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(memberRequests, "memberRequests");
    }
}
