package dev.hubcord.sharder.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sharder's memory of every guild its shards carry, for resending to the hub ({@link GuildState}).
 * It holds what the hub's cache holds for these guilds and nothing more: about 150-250 bytes per
 * member plus a few hundred per role, channel and voice state.
 */
public final class GuildMirror {

    private final ConcurrentHashMap<Long, GuildState> guilds = new ConcurrentHashMap<>();

    GuildState getOrCreate(long guildId) {
        return guilds.computeIfAbsent(guildId, GuildState::new);
    }

    GuildState get(long guildId) {
        return guilds.get(guildId);
    }

    /** Forgets a guild (under its lock, so a resend in progress sees it as removed). */
    void remove(long guildId) {
        GuildState state = guilds.get(guildId);
        if (state != null) {
            synchronized (state) {
                state.removed = true;
                state.clear();
                guilds.remove(guildId, state);
            }
        }
    }

    /** Forgets the guilds of a shard this process no longer runs; the hub hears nothing (the new owner resends them). */
    public void removeShard(int shard, int shardCount) {
        for (Long id : List.copyOf(guilds.keySet())) {
            if (Snowflake.shardOf(id, shardCount) == shard) {
                remove(id);
            }
        }
    }

    /** The IDs of the guilds of these shards. */
    public List<Long> guildIds(java.util.function.IntPredicate shardFilter, int shardCount) {
        List<Long> ids = new ArrayList<>();
        for (Long id : guilds.keySet()) {
            if (shardFilter.test(Snowflake.shardOf(id, shardCount))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Sends the listed guilds to the hub again, whole, each under its lock. Stops at the first payload
     * the hub client refuses (its buffer is full again).
     *
     * @return the guilds not (completely) sent, to try again later; empty when all went out
     */
    public List<Long> resend(List<Long> ids, HubSink sink) {
        for (int i = 0; i < ids.size(); i++) {
            GuildState state = guilds.get(ids.get(i));
            if (state == null) {
                continue;
            }
            synchronized (state) {
                if (state.removed) {
                    continue;
                }
                for (var entity : state.fullEntities()) {
                    if (!sink.sendCache(0, entity)) {
                        return List.copyOf(ids.subList(i, ids.size()));
                    }
                }
            }
        }
        return List.of();
    }

    public int size() {
        return guilds.size();
    }

    /** Members remembered across all guilds (an estimate while guilds change). */
    public long memberCount() {
        long n = 0;
        for (GuildState state : guilds.values()) {
            n += state.members.size();
        }
        return n;
    }
}
