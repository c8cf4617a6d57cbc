package dev.hubcord.cache.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hubcord.cache.ingest.MemberDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * Members of all guilds, bounded by a member budget. Each guild's members are hashed into
 * 2^bits segments of at most about {@link #SPLIT_AT} members; the segments are the entries of one
 * Caffeine cache weighed by their member count, so Caffeine evicts the least recently used
 * segments (of any guild) when the budget is exceeded, at a cost of one cache entry per segment
 * rather than per member. A guild whose segments grow past {@link #SPLIT_AT} doubles its segment
 * count.
 */
final class MemberStore {

    static final int SPLIT_AT = 1024;
    static final int MAX_BITS = 16;

    /** Keys compare guilds by identity, so a guild deleted and re-created never sees old segments. */
    record SegmentKey(GuildEntry guild, int bits, int index) {
    }

    private final Cache<SegmentKey, MemberSegment> segments;
    private final UserStore users;
    private final LongAdder evictedMembers = new LongAdder();
    private final LongAdder evictedSegments = new LongAdder();
    /** Segments replaced by a split: their members moved, so evicting them releases nothing. */
    private final java.util.Set<MemberSegment> retired = java.util.Collections.newSetFromMap(
            new java.util.concurrent.ConcurrentHashMap<>());

    MemberStore(long budget, UserStore users) {
        this.users = users;
        this.segments = Caffeine.newBuilder()
                .maximumWeight(budget)
                .<SegmentKey, MemberSegment>weigher((k, s) -> s.size())
                .executor(Runnable::run)
                .evictionListener((k, s, cause) -> {
                    if (s != null && cause.wasEvicted() && !retired.remove(s)) {
                        evictedSegments.increment();
                        evictedMembers.add(s.size());
                        s.forEachUser(users::release);
                    }
                })
                .build();
    }

    static int index(long userId, int bits) {
        return bits == 0 ? 0 : (int) (Hashing.mix(userId) >>> (64 - bits));
    }

    /** Chooses the segment count for a guild about to receive {@code memberCount} members. */
    void presize(GuildEntry g, int memberCount) {
        if (g.memberBits == 0 && memberCount > SPLIT_AT && count(g) == 0) {
            int bits = 64 - Long.numberOfLeadingZeros((memberCount - 1L) / (SPLIT_AT / 2));
            g.memberBits = Math.min(bits, MAX_BITS);
        }
    }

    /** Upserts under the guild's lock; returns true for a new member. */
    boolean upsert(GuildEntry g, MemberDraft d, long[] internedRoles) {
        int bits = g.memberBits;
        boolean[] created = new boolean[1];
        int[] size = new int[1];
        segments.asMap().compute(new SegmentKey(g, bits, index(d.userId(), bits)), (k, seg) -> {
            MemberSegment s = seg != null ? seg : new MemberSegment();
            created[0] = s.upsert(d, internedRoles, users);
            size[0] = s.size();
            return s;
        });
        if (size[0] > SPLIT_AT && bits < MAX_BITS) {
            split(g);
        }
        return created[0];
    }

    /** Removes under the guild's lock. */
    boolean remove(GuildEntry g, long userId) {
        int bits = g.memberBits;
        boolean[] removed = new boolean[1];
        segments.asMap().computeIfPresent(new SegmentKey(g, bits, index(userId, bits)), (k, seg) -> {
            removed[0] = seg.remove(userId);
            return seg.size() == 0 ? null : seg;
        });
        if (removed[0]) {
            users.release(userId);
        }
        return removed[0];
    }

    /** A member row, or null; counts as an access for eviction. */
    MemberSegment.Row get(GuildEntry g, long userId) {
        while (true) {
            int bits = g.memberBits;
            MemberSegment seg = segments.getIfPresent(new SegmentKey(g, bits, index(userId, bits)));
            MemberSegment.Row row = seg == null ? null : seg.get(userId);
            if (row != null || g.memberBits == bits) {
                return row;
            }
        }
    }

    /** The guild's segments, without touching their recency. */
    List<MemberSegment> segmentsOf(GuildEntry g) {
        int bits = g.memberBits;
        List<MemberSegment> out = new ArrayList<>();
        for (int i = 0; i < (1 << bits); i++) {
            MemberSegment s = segments.policy().getIfPresentQuietly(new SegmentKey(g, bits, i));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    long count(GuildEntry g) {
        long n = 0;
        for (MemberSegment s : segmentsOf(g)) {
            n += s.size();
        }
        return n;
    }

    /** Drops all of a guild's members (guild deletion), under its lock. */
    void removeAll(GuildEntry g) {
        int bits = g.memberBits;
        for (int i = 0; i < (1 << bits); i++) {
            MemberSegment s = segments.asMap().remove(new SegmentKey(g, bits, i));
            if (s != null) {
                s.forEachUser(users::release);
            }
        }
    }

    /** Re-reads the name keys of a member of {@code g} whose user was renamed, under the guild's lock. */
    void refreshUserKeys(GuildEntry g, long userId) {
        int bits = g.memberBits;
        segments.asMap().computeIfPresent(new SegmentKey(g, bits, index(userId, bits)), (k, s) -> {
            s.refreshUserKeys(userId, users);
            return s;
        });
    }

    /** Applies {@code rewrite} to every cached member's role array (role deletion), under the guild's lock. */
    void rewriteRoles(GuildEntry g, UnaryOperator<long[]> rewrite) {
        int bits = g.memberBits;
        for (int i = 0; i < (1 << bits); i++) {
            segments.asMap().computeIfPresent(new SegmentKey(g, bits, i), (k, s) -> {
                s.rewriteRoles(rewrite);
                return s;
            });
        }
    }

    /**
     * Doubles a guild's segment count. New segments are published before the guild's bit count
     * changes, so readers always find a member in one of the two layouts.
     */
    private void split(GuildEntry g) {
        int bits = g.memberBits;
        List<SegmentKey> old = new ArrayList<>();
        for (int i = 0; i < (1 << bits); i++) {
            SegmentKey key = new SegmentKey(g, bits, i);
            MemberSegment[] halves = new MemberSegment[2];
            // Retiring inside compute is atomic with eviction: either Caffeine already evicted
            // (and released) the segment, or its members move to the halves.
            segments.asMap().computeIfPresent(key, (k, s) -> {
                retired.add(s);
                MemberSegment[] h = s.split(bits);
                halves[0] = h[0];
                halves[1] = h[1];
                return s;
            });
            if (halves[0] != null) {
                old.add(key);
                for (int half = 0; half < 2; half++) {
                    if (halves[half].size() > 0) {
                        segments.put(new SegmentKey(g, bits + 1, 2 * i + half), halves[half]);
                    }
                }
            }
        }
        g.memberBits = bits + 1;
        for (SegmentKey key : old) {
            MemberSegment s = segments.asMap().remove(key);
            if (s != null) {
                retired.remove(s);
            }
        }
    }

    long evictedMembers() {
        segments.cleanUp();
        return evictedMembers.sum();
    }

    long evictedSegments() {
        segments.cleanUp();
        return evictedSegments.sum();
    }

    long cachedMembers() {
        return segments.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    long segmentCount() {
        return segments.estimatedSize();
    }
}
