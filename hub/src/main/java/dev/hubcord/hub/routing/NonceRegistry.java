package dev.hubcord.hub.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/** Remembers which session sent each request {@code nonce}, for a bounded time, so the REPLY can find it. */
public final class NonceRegistry {

    private final Cache<String, String> requesters;

    public NonceRegistry(Duration timeout) {
        this.requesters = Caffeine.newBuilder().expireAfterWrite(timeout).maximumSize(1_000_000).build();
    }

    public void register(String nonce, String sessionId) {
        requesters.put(nonce, sessionId);
    }

    /** The session that sent the request, removing the entry; {@code null} when unknown or expired. */
    public String take(String nonce) {
        return requesters.asMap().remove(nonce);
    }
}
