package dev.hubcord.cache.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares identical role-ID arrays among a guild's members: most members of a guild hold one of a
 * few role sets, so one array per distinct set replaces one per member. Bounded: past
 * {@link #LIMIT} distinct sets it starts over (old arrays stay valid, they are just no longer
 * shared with newcomers). Guarded by the guild's write lock.
 */
final class RoleSetInterner {

    static final int LIMIT = 4096;

    private record Key(long[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    private static final long[] EMPTY = new long[0];
    private Map<Key, long[]> sets = new HashMap<>();

    long[] intern(long[] sortedIds) {
        if (sortedIds.length == 0) {
            return EMPTY;
        }
        if (sets.size() >= LIMIT) {
            sets = new HashMap<>();
        }
        return sets.computeIfAbsent(new Key(sortedIds), k -> k.ids);
    }

    int size() {
        return sets.size();
    }
}
