package dev.hubcord.sharder.forward;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.cache.CacheConfig;
import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.DiscordCache;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.metrics.SharderMetrics;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;

/**
 * Fuzz target for the sharder's handling of Discord gateway dispatches: each line of the input is a
 * gateway payload; its {@code d} goes through the {@link DispatchForwarder} (into the guild mirror
 * and out as op 5 cache entities and op 2 events). The forwarder is lenient by design (a malformed
 * ID reads as 0 and the dispatch is skipped), so the documented behaviour is: it never throws (a
 * throw would drop the shard's Discord connection), and every cache entity it sends is accepted by
 * the hub's cache (a refused one would make the hub close the sharder's link with 4005).
 */
class DispatchFuzzTest {

    private static final SharderMetrics METRICS = new SharderMetrics();

    /** Hands each entity to the hub's real cache, as bytes, as the hub does. */
    private record CacheSink(DiscordCache cache) implements HubSink {
        @Override
        public boolean sendCache(long guildId, ObjectNode entity) {
            byte[] bytes;
            try {
                bytes = Json.mapper().writeValueAsBytes(entity);
            } catch (IOException e) {
                throw new AssertionError("entity does not serialise: " + entity, e);
            }
            try {
                cache.apply(bytes);
            } catch (CacheException e) {
                throw new AssertionError("the hub's cache refuses " + entity + ": " + e.getMessage(), e);
            }
            return true;
        }

        @Override
        public boolean sendEvent(String event, Object data) {
            try {
                Json.mapper().writeValueAsBytes(data);
            } catch (IOException e) {
                throw new AssertionError("event does not serialise: " + data, e);
            }
            return true;
        }
    }

    @FuzzTest
    void gatewayDispatches(byte[] data) {
        DiscordCache cache = new DiscordCache(new CacheConfig(256, 16, 4, Clock.systemUTC()), Json.mapper());
        DispatchForwarder forwarder = new DispatchForwarder(new CacheSink(cache), new GuildMirror(), new BotIdentity(),
                "!", Set.of("GUILD_BAN_ADD"), METRICS);
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                if (i > start) {
                    dispatch(forwarder, data, start, i - start);
                }
                start = i + 1;
            }
        }
    }

    /** As the shard does: not JSON is the connection's decode error; op 0 is forwarded with t and d as read there. */
    private static void dispatch(DispatchForwarder forwarder, byte[] data, int offset, int length) {
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(data, offset, length);
        } catch (IOException notJson) {
            return;
        }
        if (payload == null || payload.path("op").asInt(-1) != 0) {
            return;
        }
        forwarder.forward(0, payload.path("t").asText(""), payload.path("d"));
    }
}
