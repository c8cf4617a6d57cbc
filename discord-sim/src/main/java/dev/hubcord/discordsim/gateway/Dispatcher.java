package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Routes dispatches to sessions: guild events to every live session whose shard owns the guild (by
 * {@code (guild_id >> 22) % num_shards}, so sessions with different shard counts each get their copy), events
 * without a guild to shard 0. Intents gate delivery and the MESSAGE_CONTENT rule shapes message payloads. Sessions
 * that are disconnected but resumable still receive (and buffer) dispatches; that is what RESUME replays.
 */
final class Dispatcher {

    private final Map<String, Session> sessions;
    private final long botUserId;
    private final long resumeTimeoutNanos;

    Dispatcher(Map<String, Session> sessions, long botUserId, long resumeTimeoutMs) {
        this.sessions = sessions;
        this.botUserId = botUserId;
        this.resumeTimeoutNanos = resumeTimeoutMs * 1_000_000L;
    }

    /** Dispatches a guild event; {@code dataFor} may shape the payload per session. Returns sessions reached. */
    int toGuild(long guildId, String type, Function<Session, JsonNode> dataFor) {
        return deliver(s -> s.routes(guildId), type, dataFor);
    }

    /** Dispatches to every live session with this shard id. */
    int toShard(int shardId, String type, JsonNode data) {
        return deliver(s -> s.shardId() == shardId, type, s -> data);
    }

    /** Events without a guild (DMs, USER_UPDATE, …) go to shard 0 only. */
    int toNoGuild(String type, JsonNode data) {
        return toShard(0, type, data);
    }

    int toSession(Session session, String type, JsonNode data) {
        return deliver(s -> s == session, type, s -> data);
    }

    private int deliver(Predicate<Session> target, String type, Function<Session, JsonNode> dataFor) {
        long now = System.nanoTime();
        int reached = 0;
        for (Session s : sessions.values()) {
            if (s.expired(now, resumeTimeoutNanos)) {
                sessions.remove(s.id(), s);
                continue;
            }
            if (!target.test(s)) {
                continue;
            }
            JsonNode data = dataFor.apply(s);
            if (data == null || !Intents.allows(s.intents(), type, data, botUserId)) {
                continue;
            }
            if (s.dispatch(type, Intents.messageContentView(s.intents(), type, data, botUserId)) > 0) {
                reached++;
            }
        }
        return reached;
    }
}
