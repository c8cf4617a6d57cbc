package dev.hubcord.hub.core;

import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.DiscordCache;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.codec.Envelope;

/**
 * Stores op 5 CACHE payloads in the {@link DiscordCache}. The cache parses {@code d} straight out of
 * the received frame's bytes (no copy, no tree for members). A payload the cache refuses closes the
 * sharder's connection with 4005 and the cache's reason; the cache is unchanged by it. Runs on the
 * sharder connection's event loop: the cache's writer locks are per guild and held for one entity,
 * so this never waits long.
 */
public final class DiscordCacheSink implements CacheSink {

    private final DiscordCache cache;

    public DiscordCacheSink(DiscordCache cache) {
        this.cache = cache;
    }

    @Override
    public void accept(Envelope envelope) {
        if (envelope.dKind() != Envelope.DataKind.OBJECT) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "CACHE: d must be an object");
        }
        try {
            cache.apply(envelope.bytes(), envelope.dStart(), envelope.dLength());
        } catch (CacheException e) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "CACHE: " + e.getMessage());
        }
    }
}
