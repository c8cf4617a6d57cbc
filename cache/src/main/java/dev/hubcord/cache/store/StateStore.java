package dev.hubcord.cache.store;

import dev.hubcord.cache.ingest.CachePayload;
import dev.hubcord.cache.ingest.MemberDraft;
import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.VoiceState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies validated payloads and removals. Every write is idempotent and order-tolerant: an
 * upsert overwrites what it carries, a removal of something absent does nothing, entities that
 * arrive before their guild are kept under a guild entry created for them.
 */
public final class StateStore {

    private final State state;

    /**
     * @param memberBudget     how many members to hold before evicting least recently used segments
     * @param orphanUserBudget how many users without any cached membership to hold
     * @param userStripes      user table stripes (a power of two; more means shorter arrays to shift)
     */
    public StateStore(long memberBudget, long orphanUserBudget, int userStripes) {
        this.state = new State(memberBudget, orphanUserBudget, userStripes);
    }

    /** The read side over the same state. */
    public StateView view() {
        return new StateView(state);
    }

    public void apply(CachePayload payload) {
        write(payload);
        refreshRenamed();
    }

    /**
     * A user whose name changed keeps stale {@link NameKey}s in the segments of its memberships:
     * refresh them in every guild that holds it, one guild lock at a time and outside the lock of
     * the write that renamed it (so no two guild locks are ever held together). A rename of the
     * first two letters of a username or global name is rare; its cost is a segment lookup per guild.
     */
    private void refreshRenamed() {
        for (Long user = state.users.nextRenamed(); user != null; user = state.users.nextRenamed()) {
            long id = user;
            for (GuildEntry g : state.guilds.values()) {
                state.writeExisting(g.id, e -> {
                    state.members.refreshUserKeys(e, id);
                    return true;
                });
            }
        }
    }

    private void write(CachePayload payload) {
        switch (payload) {
            case CachePayload.MemberUpsert(MemberDraft d) -> state.write(d.guildId(), e -> upsertMember(e, d));
            case CachePayload.MemberDelete(long guild, long user) -> deleteMember(guild, user);
            case CachePayload.UserUpsert u -> state.users.put(u.user());
            case CachePayload.UserDelete(long user) -> state.users.remove(user);
            case CachePayload.RoleUpsert(Role r) -> state.write(r.guildId(), e -> e.roles = with(e.roles, r.id(), r));
            case CachePayload.RoleDelete(long guild, long role) -> deleteRole(guild, role);
            case CachePayload.ChannelUpsert(Channel c) ->
                    state.write(c.guildId(), e -> e.channels = with(e.channels, c.id(), c));
            case CachePayload.ChannelDelete(long guild, long channel) -> deleteChannel(guild, channel);
            case CachePayload.VoiceUpsert(VoiceState v) -> state.write(v.guildId(), e -> e.voiceStates.put(v.userId(), v));
            case CachePayload.VoiceDelete(long guild, long user) -> deleteVoiceState(guild, user);
            case CachePayload.GuildUpsert g -> upsertGuild(g);
            case CachePayload.GuildDelete(long guild) -> deleteGuild(guild);
        }
    }

    private void upsertMember(GuildEntry e, MemberDraft d) {
        long[] roles = d.roles() == null ? null : e.interner.intern(d.roles());
        state.members.upsert(e, d, roles);
    }

    private void upsertGuild(CachePayload.GuildUpsert g) {
        long id = g.guild().id();
        state.write(id, e -> {
            e.info = GuildInfo.merge(e.info, g.guild());
            if (g.roles() != null) {
                e.roles = byId(g.roles(), Role::id);
            }
            if (g.channels() != null) {
                e.channels = byId(g.channels(), Channel::id);
            }
            if (g.voiceStates() != null) {
                Set<Long> keep = new HashSet<>();
                for (VoiceState v : g.voiceStates()) {
                    e.voiceStates.put(v.userId(), v);
                    keep.add(v.userId());
                }
                e.voiceStates.keySet().retainAll(keep);
            }
            if (g.guild().memberCount() != null) {
                state.members.presize(e, Math.max(g.guild().memberCount(), g.members().size()));
            }
        });
        // One lock acquisition per member: a guild of 100k members never blocks its readers or
        // other writers for more than one member's worth of work.
        for (MemberDraft m : g.members()) {
            state.write(id, e -> upsertMember(e, m));
        }
    }

    public boolean deleteGuild(long guildId) {
        GuildEntry e = state.guilds.remove(guildId);
        if (e == null) {
            return false;
        }
        e.lock.lock();
        try {
            e.deleted = true;
            state.members.removeAll(e);
            e.voiceStates.clear();
            return true;
        } finally {
            e.lock.unlock();
        }
    }

    public boolean deleteMember(long guildId, long userId) {
        return state.writeExisting(guildId, e -> state.members.remove(e, userId));
    }

    public boolean deleteChannel(long guildId, long channelId) {
        return state.writeExisting(guildId, e -> {
            if (!e.channels.containsKey(channelId)) {
                return false;
            }
            e.channels = without(e.channels, channelId);
            return true;
        });
    }

    public boolean deleteRole(long guildId, long roleId) {
        return state.writeExisting(guildId, e -> {
            if (!e.roles.containsKey(roleId)) {
                return false;
            }
            e.roles = without(e.roles, roleId);
            // Discord sends no member update when a role goes: strip it from cached members.
            state.members.rewriteRoles(e, ids -> Arrays.binarySearch(ids, roleId) < 0 ? ids
                    : e.interner.intern(Arrays.stream(ids).filter(r -> r != roleId).toArray()));
            return true;
        });
    }

    public boolean deleteVoiceState(long guildId, long userId) {
        GuildEntry e = state.guilds.get(guildId);
        return e != null && e.voiceStates.remove(userId) != null;
    }

    private static <T> Map<Long, T> with(Map<Long, T> map, long id, T value) {
        Map<Long, T> copy = new HashMap<>(map);
        copy.put(id, value);
        return Map.copyOf(copy);
    }

    private static <T> Map<Long, T> without(Map<Long, T> map, long id) {
        Map<Long, T> copy = new HashMap<>(map);
        copy.remove(id);
        return Map.copyOf(copy);
    }

    private static <T> Map<Long, T> byId(List<T> items, java.util.function.ToLongFunction<T> id) {
        Map<Long, T> map = new HashMap<>();
        for (T t : items) {
            map.put(id.applyAsLong(t), t);
        }
        return Map.copyOf(map);
    }
}
