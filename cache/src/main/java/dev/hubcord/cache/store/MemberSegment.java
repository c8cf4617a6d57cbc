package dev.hubcord.cache.store;

import dev.hubcord.cache.ingest.MemberDraft;
import dev.hubcord.cache.model.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * A slice of one guild's members (those whose mixed user ID has the same top bits), stored as
 * parallel arrays sorted by user ID: about 28 bytes a member plus its nickname, no object per
 * member. Three {@link NameKey} bytes per member (nickname, username, global name) let a search
 * skip most members without looking their user up. It is the unit Caffeine weighs and evicts. Rare fields (guild avatar, timeout) live in
 * a small copy-on-write map. Writers are serialised by the caller (inside Caffeine's compute for
 * this segment); readers use optimistic reads.
 */
final class MemberSegment {

    static final int PENDING = 1;
    static final int DEAF = 2;
    static final int MUTE = 4;

    /** Rare member fields, kept off the hot columns. */
    record Extra(String avatar, long communicationDisabledUntil) {
    }

    /** One member as stored, without its user. */
    record Row(long userId, byte[] nickname, long[] roles, long joinedAt, int flags, Extra extra) {
        String nicknameText() {
            return nickname == null ? null : new String(nickname, StandardCharsets.UTF_8);
        }
    }

    private static final long[] NO_ROLES = new long[0];
    private static final Extra NO_EXTRA = new Extra(null, Timestamps.NONE);

    private final StampedLock lock = new StampedLock();
    private long[] ids = new long[2];
    private long[] joined = new long[2];
    private long[][] roles = new long[2][];
    private byte[][] nicks = new byte[2][];
    private byte[] flags = new byte[2];
    /** {@link NameKey}s: nickname at 3i, username at 3i + 1, global name at 3i + 2. */
    private byte[] keys = new byte[6];
    private volatile Map<Long, Extra> extras = Map.of();
    private int size;

    int size() {
        return size;
    }

    /**
     * Inserts or updates a member. A new member acquires its user before the row is written, so a
     * refused user (too long a name) leaves nothing half-done.
     *
     * @return true when the member is new
     */
    boolean upsert(MemberDraft d, long[] internedRoles, UserStore users) {
        int i = Arrays.binarySearch(ids, 0, size, d.userId());
        boolean created = i < 0;
        byte[] nick = d.hasNickname() && d.nickname() != null ? d.nickname().getBytes(StandardCharsets.UTF_8) : null;
        if (i < 0) {
            users.acquire(d.userId(), d.user());
        } else if (d.user() != null) {
            users.update(d.user());
        }
        byte[] blob = users.blobOf(d.userId()); // read before the lock: the keys of its names
        long stamp = lock.writeLock();
        try {
            if (i < 0) {
                i = -i - 1;
                insertAt(i, d.userId());
            }
            if (d.hasNickname()) {
                nicks[i] = nick;
                keys[3 * i] = nick == null ? 0 : NameKey.ofUtf8(nick, 0, nick.length);
            }
            setUserKeys(i, blob);
            if (internedRoles != null) {
                roles[i] = internedRoles;
            }
            if (d.hasJoinedAt()) {
                joined[i] = d.joinedAt();
            }
            flags[i] = (byte) (bit(d.pending(), flags[i], PENDING) | bit(d.deaf(), flags[i], DEAF)
                    | bit(d.mute(), flags[i], MUTE));
        } finally {
            lock.unlockWrite(stamp);
        }
        if (d.hasAvatar() || d.hasCommunicationDisabledUntil()) {
            Extra old = extras.getOrDefault(d.userId(), NO_EXTRA);
            Extra next = new Extra(d.hasAvatar() ? d.avatar() : old.avatar(),
                    d.hasCommunicationDisabledUntil() ? d.communicationDisabledUntil() : old.communicationDisabledUntil());
            putExtra(d.userId(), next.equals(NO_EXTRA) ? null : next);
        }
        return created;
    }

    boolean contains(long userId) {
        return Arrays.binarySearch(ids, 0, size, userId) >= 0;
    }

    /** Removes a member; the caller releases its user. */
    boolean remove(long userId) {
        int i = Arrays.binarySearch(ids, 0, size, userId);
        if (i < 0) {
            return false;
        }
        long stamp = lock.writeLock();
        try {
            int tail = size - i - 1;
            System.arraycopy(ids, i + 1, ids, i, tail);
            System.arraycopy(joined, i + 1, joined, i, tail);
            System.arraycopy(roles, i + 1, roles, i, tail);
            System.arraycopy(nicks, i + 1, nicks, i, tail);
            System.arraycopy(flags, i + 1, flags, i, tail);
            System.arraycopy(keys, 3 * (i + 1), keys, 3 * i, 3 * tail);
            size--;
            roles[size] = null;
            nicks[size] = null;
        } finally {
            lock.unlockWrite(stamp);
        }
        putExtra(userId, null);
        return true;
    }

    Row get(long userId) {
        long stamp = lock.tryOptimisticRead();
        Row row = find(userId);
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                row = find(userId);
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return row;
    }

    private Row find(long userId) {
        long[] a = ids;
        int n = Math.min(size, a.length);
        int i = Arrays.binarySearch(a, 0, n, userId);
        if (i < 0 || i >= joined.length || i >= roles.length || i >= nicks.length || i >= flags.length) {
            return null;
        }
        long[] r = roles[i];
        return new Row(userId, nicks[i], r == null ? NO_ROLES : r, joined[i], flags[i], extras.get(userId));
    }

    /**
     * Re-reads a member's user keys after its user was renamed elsewhere (a {@code user} payload
     * or a membership in another guild); the caller serialises it with this segment's writers.
     */
    void refreshUserKeys(long userId, UserStore users) {
        int i = Arrays.binarySearch(ids, 0, size, userId);
        if (i < 0) {
            return;
        }
        byte[] blob = users.blobOf(userId);
        long stamp = lock.writeLock();
        try {
            setUserKeys(i, blob);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void setUserKeys(int i, byte[] blob) {
        keys[3 * i + 1] = blob == null ? 0 : NameKey.ofBlobName(blob, UserBlob.usernameAt(blob));
        keys[3 * i + 2] = blob == null ? 0 : NameKey.ofBlobName(blob, UserBlob.globalNameAt(blob));
    }

    /** A test of one member as stored; scans call it for every member, so it must not allocate. */
    interface Filter {
        /** The cheap first test, on the member's three {@link NameKey}s: false skips the member. */
        boolean mayMatch(byte nickKey, byte usernameKey, byte globalNameKey);

        boolean accepts(long userId, byte[] nickname);
    }

    /**
     * Writes to {@code out} the IDs of at most {@code max} members, from {@code fromId} on in ID
     * order, that {@code filter} accepts, and returns how many. Allocates nothing: it scans the
     * columns under an optimistic read and scans again under the read lock only if a writer
     * interfered. A caller continues a full segment from the last ID returned plus one.
     */
    int select(Filter filter, long fromId, long[] out, int max) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            int n = scan(filter, fromId, out, max);
            if (lock.validate(stamp)) {
                return n;
            }
        }
        stamp = lock.readLock();
        try {
            return scan(filter, fromId, out, max);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private int scan(Filter filter, long fromId, long[] out, int max) {
        // Under an optimistic read the columns may be mid-update: bound by every array read, and
        // let validate() discard whatever a torn read produced.
        long[] a = ids;
        byte[][] nk = nicks;
        byte[] k = keys;
        int end = Math.min(Math.min(size, k.length / 3), Math.min(a.length, nk.length));
        int i = fromId == Long.MIN_VALUE ? 0 : Arrays.binarySearch(a, 0, end, fromId);
        int n = 0;
        for (i = i < 0 ? -i - 1 : i; i < end && n < max; i++) {
            if (filter.mayMatch(k[3 * i], k[3 * i + 1], k[3 * i + 2]) && filter.accepts(a[i], nk[i])) {
                out[n++] = a[i];
            }
        }
        return n;
    }

    void forEachUser(LongConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(ids[i]);
        }
    }

    /** Rewrites role arrays, e.g. to strip a deleted role. */
    void rewriteRoles(UnaryOperator<long[]> rewrite) {
        long stamp = lock.writeLock();
        try {
            for (int i = 0; i < size; i++) {
                if (roles[i] != null) {
                    roles[i] = rewrite.apply(roles[i]);
                }
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Splits by the next bit of the mixed user ID ({@code bit} counted from the top). */
    MemberSegment[] split(int bit) {
        MemberSegment[] halves = {new MemberSegment(), new MemberSegment()};
        Map<Long, Extra> ex = extras;
        for (int i = 0; i < size; i++) {
            MemberSegment h = halves[(int) ((Hashing.mix(ids[i]) >>> (63 - bit)) & 1)];
            int at = h.size;
            h.insertAt(at, ids[i]);
            h.joined[at] = joined[i];
            h.roles[at] = roles[i];
            h.nicks[at] = nicks[i];
            h.flags[at] = flags[i];
            System.arraycopy(keys, 3 * i, h.keys, 3 * at, 3);
            Extra e = ex.get(ids[i]);
            if (e != null) {
                h.putExtra(ids[i], e);
            }
        }
        return halves;
    }

    private void insertAt(int at, long userId) {
        if (size == ids.length) {
            int cap = size + (size >> 2) + 2;
            ids = Arrays.copyOf(ids, cap);
            joined = Arrays.copyOf(joined, cap);
            roles = Arrays.copyOf(roles, cap);
            nicks = Arrays.copyOf(nicks, cap);
            flags = Arrays.copyOf(flags, cap);
            keys = Arrays.copyOf(keys, 3 * cap);
        }
        int tail = size - at;
        System.arraycopy(ids, at, ids, at + 1, tail);
        System.arraycopy(joined, at, joined, at + 1, tail);
        System.arraycopy(roles, at, roles, at + 1, tail);
        System.arraycopy(nicks, at, nicks, at + 1, tail);
        System.arraycopy(flags, at, flags, at + 1, tail);
        System.arraycopy(keys, 3 * at, keys, 3 * (at + 1), 3 * tail);
        ids[at] = userId;
        joined[at] = Timestamps.NONE;
        roles[at] = NO_ROLES;
        nicks[at] = null;
        flags[at] = 0;
        keys[3 * at] = 0;
        keys[3 * at + 1] = 0;
        keys[3 * at + 2] = 0;
        size++;
    }

    private void putExtra(long userId, Extra e) {
        Map<Long, Extra> cur = extras;
        if (e == null && !cur.containsKey(userId)) {
            return;
        }
        Map<Long, Extra> next = new HashMap<>(cur);
        if (e == null) {
            next.remove(userId);
        } else {
            next.put(userId, e);
        }
        extras = Map.copyOf(next);
    }

    private static int bit(Boolean value, byte old, int mask) {
        return value == null ? old & mask : value ? mask : 0;
    }
}
