package dev.hubcord.hub.shards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last SHARD_STATUS each shard's sharder reported, for {@code /v1/shards}. */
public final class ShardStatusBoard {

    /** One shard's reported state. */
    public record ShardStatus(String status, long latency, long guilds) {

        public static final ShardStatus UNKNOWN = new ShardStatus("unknown", -1, 0);
    }

    private final Map<Integer, ShardStatus> statuses = new ConcurrentHashMap<>();

    public void report(int shard, JsonNode d) {
        statuses.put(shard, new ShardStatus(
                d.path("status").asText("unknown"),
                d.path("latency").asLong(-1),
                d.path("guilds").asLong(0)));
    }

    public ShardStatus statusOf(int shard) {
        return statuses.getOrDefault(shard, ShardStatus.UNKNOWN);
    }
}
