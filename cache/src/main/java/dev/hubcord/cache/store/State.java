package dev.hubcord.cache.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The shared state behind {@link StateStore} and {@link StateView}. */
final class State {

    final ConcurrentHashMap<Long, GuildEntry> guilds = new ConcurrentHashMap<>();
    final UserStore users;
    final MemberStore members;

    State(long memberBudget, long orphanUserBudget, int userStripes) {
        users = new UserStore(userStripes, orphanUserBudget);
        members = new MemberStore(memberBudget, users);
    }

    /** Runs {@code action} under the guild's lock, creating the guild entry if needed. */
    void write(long guildId, Consumer<GuildEntry> action) {
        while (true) {
            GuildEntry e = guilds.computeIfAbsent(guildId, GuildEntry::new);
            e.lock.lock();
            try {
                if (!e.deleted) {
                    action.accept(e);
                    return;
                }
            } finally {
                e.lock.unlock();
            }
        }
    }

    /** Runs {@code action} under the lock of an existing guild; false when there is none. */
    boolean writeExisting(long guildId, java.util.function.Predicate<GuildEntry> action) {
        GuildEntry e = guilds.get(guildId);
        if (e == null) {
            return false;
        }
        e.lock.lock();
        try {
            return !e.deleted && action.test(e);
        } finally {
            e.lock.unlock();
        }
    }
}
