package dev.hubcord.cache.store;

import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.VoiceState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything the cache holds under one guild. Small sets (channels, roles) are immutable maps
 * swapped on write, so readers never lock; voice states churn and sit in a concurrent map;
 * members live in Caffeine-managed segments (see {@link MemberStore}). Writers to one guild take
 * its lock for one entity at a time, so a big guild's ingest never holds it for long and other
 * guilds are never blocked.
 */
final class GuildEntry {

    final long id;
    final ReentrantLock lock = new ReentrantLock();
    final ConcurrentHashMap<Long, VoiceState> voiceStates = new ConcurrentHashMap<>(4);
    final RoleSetInterner interner = new RoleSetInterner();
    volatile GuildInfo info;
    volatile Map<Long, Channel> channels = Map.of();
    volatile Map<Long, Role> roles = Map.of();
    /** Members are spread over 2^memberBits segments. */
    volatile int memberBits;
    /** Set, under the lock, once the guild is removed: writers that raced with the removal retry. */
    boolean deleted;

    GuildEntry(long id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return "GuildEntry[" + Long.toUnsignedString(id) + "]";
    }
}
