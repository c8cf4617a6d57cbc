package dev.hubcord.hub.shards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last SHARD_STATUS each shard's sharder reported, for {@code /v1/shards}. A report counts only
 * while its sender still runs the shard: after a reassignment, the old owner's last word (often
 * "stopped") must not stand for the new owner.
 */
public final class ShardStatusBoard {

    /** One shard's reported state. */
    public record ShardStatus(String reporterSession, String status, long latency, long guilds) {

        /** A shard whose current owner has not reported yet. */
        public static final ShardStatus UNKNOWN = new ShardStatus(null, "assigned", -1, 0);
    }

    private final Map<Integer, ShardStatus> statuses = new ConcurrentHashMap<>();

    public void report(int shard, String reporterSession, JsonNode d) {
        statuses.put(shard, new ShardStatus(
                reporterSession,
                d.path("status").asText("unknown"),
                d.path("latency").asLong(-1),
                d.path("guilds").asLong(0)));
    }

    /** The status the shard's current owner reported, or {@link ShardStatus#UNKNOWN}. */
    public ShardStatus statusOf(int shard, String ownerSession) {
        ShardStatus status = statuses.get(shard);
        return status == null || ownerSession == null || !ownerSession.equals(status.reporterSession())
                ? ShardStatus.UNKNOWN
                : status;
    }
}
