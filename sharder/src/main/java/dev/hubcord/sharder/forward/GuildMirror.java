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
     * Sends the listed guilds to the hub again, whole. Stops at the first payload the hub client
     * refuses (its buffer is full again).
     *
     * <p>A guild's lock is held for one payload at a time (its head, then each batch of
     * {@link GuildState#MEMBER_BATCH} members, built from the records current at that moment), so
     * the shard's event loop, which applies and sends that guild's changes under the same lock,
     * waits for one batch at most, never for a whole 100,000-member guild. The order stays right:
     * a change applied between two batches was sent by the event loop before the later batches,
     * which carry that change too (the hub's upserts are idempotent); a member removed before its
     * batch is no longer in it; one added after the head was listed arrives through its own event.
     *
     * @return the guilds not (completely) sent, to try again later; empty when all went out
     */
    public List<Long> resend(List<Long> ids, HubSink sink) {
        for (int i = 0; i < ids.size(); i++) {
            if (!resendOne(ids.get(i), sink)) {
                return List.copyOf(ids.subList(i, ids.size()));
            }
        }
        return List.of();
    }

    /** @return false when the sink refused a payload */
    private boolean resendOne(long guildId, HubSink sink) {
        GuildState state = guilds.get(guildId);
        if (state == null) {
            return true;
        }
        List<Long> memberIds;
        synchronized (state) {
            if (state.removed) {
                return true;
            }
            if (!sink.sendCache(0, state.headEntity())) {
                return false;
            }
            memberIds = new ArrayList<>(state.members.keySet());
        }
        for (int from = 0; from < memberIds.size(); from += GuildState.MEMBER_BATCH) {
            List<Long> slice = memberIds.subList(from, Math.min(memberIds.size(), from + GuildState.MEMBER_BATCH));
            synchronized (state) {
                if (state.removed) {
                    return true;
                }
                var batch = state.membersEntity(slice);
                if (batch != null && !sink.sendCache(0, batch)) {
                    return false;
                }
            }
        }
        return true;
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
