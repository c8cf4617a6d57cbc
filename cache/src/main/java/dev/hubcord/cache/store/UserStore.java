package dev.hubcord.cache.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hubcord.cache.ingest.UserDraft;
import dev.hubcord.cache.model.User;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * All users, shared by every membership that references them (one record per user, whatever the
 * number of guilds). A user lives as long as a cached membership references it, like the user
 * cache of a Discord library; users pushed on their own without a membership ("orphans") are kept
 * in a Caffeine LRU of bounded size, so the user count is bounded by the member budget plus the
 * orphan budget.
 */
public final class UserStore {

    private final UserStripe[] stripes;
    private final int mask;
    private final Cache<Long, Boolean> orphans;
    private final LongAdder orphanEvictions = new LongAdder();
    /**
     * Renamed users waiting for their memberships' name keys to be refreshed. No bound is needed: the only consumer
     * is the producer itself ({@link StateStore#apply} drains it right after the write that added at most one id),
     * so it never holds more ids than there are threads writing at that moment.
     */
    private final ConcurrentLinkedQueue<Long> renamed = new ConcurrentLinkedQueue<>();

    public UserStore(int stripeCount, long orphanBudget) {
        int n = Integer.highestOneBit(Math.max(1, stripeCount));
        stripes = new UserStripe[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new UserStripe();
        }
        mask = n - 1;
        orphans = Caffeine.newBuilder()
                .maximumSize(orphanBudget)
                .executor(Runnable::run)
                .<Long, Boolean>evictionListener((id, v, cause) -> {
                    if (cause.wasEvicted() && id != null && stripe(id).removeIfUnreferenced(id)) {
                        orphanEvictions.increment();
                    }
                })
                .build();
    }

    private UserStripe stripe(long id) {
        return stripes[(int) (Hashing.mix(id) & mask)];
    }

    /** A membership now references this user; {@code draft} (nullable) updates its fields. */
    void acquire(long id, UserDraft draft) {
        UserStripe s = stripe(id);
        byte[] blob = null;
        if (draft != null) {
            byte[] old = draft.complete() ? null : s.blob(id);
            blob = UserBlob.merge(old == UserStripe.ABSENT ? null : old, draft);
        }
        noteRename(id, s.acquire(id, blob), blob);
    }

    /** Updates a user that a membership already references (no new reference). */
    void update(UserDraft draft) {
        UserStripe s = stripe(draft.id());
        byte[] old = s.blob(draft.id());
        if (old == UserStripe.ABSENT) {
            return;
        }
        // put() never creates here: the membership holds a reference, so the user exists.
        byte[] blob = UserBlob.merge(old, draft);
        noteRename(draft.id(), s.put(draft.id(), blob).previous(), blob);
    }

    void release(long id) {
        stripe(id).release(id);
    }

    /** Stores a user pushed with {@code type: user}. */
    public void put(UserDraft draft) {
        UserStripe s = stripe(draft.id());
        byte[] old = draft.complete() ? null : s.blob(draft.id());
        byte[] blob = UserBlob.merge(old == UserStripe.ABSENT ? null : old, draft);
        UserStripe.Put done = s.put(draft.id(), blob);
        if (done.orphan()) {
            orphans.put(draft.id(), Boolean.TRUE);
        }
        noteRename(draft.id(), done.previous(), blob);
    }

    /**
     * Users whose name keys changed and whose memberships' {@link NameKey}s the writer must refresh
     * ({@link StateStore} drains it after every write). Bounded by the number of concurrent writers:
     * each one drains right after it adds.
     */
    Long nextRenamed() {
        return renamed.poll();
    }

    private void noteRename(long id, byte[] previous, byte[] blob) {
        if (previous != UserStripe.ABSENT
                && (nameKey(previous, true) != nameKey(blob, true) || nameKey(previous, false) != nameKey(blob, false))) {
            renamed.add(id);
        }
    }

    private static byte nameKey(byte[] blob, boolean username) {
        return blob == null ? 0 : NameKey.ofBlobName(blob, username ? UserBlob.usernameAt(blob) : UserBlob.globalNameAt(blob));
    }

    /** Removes a user unless a cached membership still references it. */
    public boolean remove(long id) {
        orphans.invalidate(id);
        return stripe(id).removeIfUnreferenced(id);
    }

    public Optional<User> get(long id) {
        byte[] blob = stripe(id).blob(id);
        return blob == UserStripe.ABSENT ? Optional.empty() : Optional.of(UserBlob.decode(id, blob));
    }

    /** The user for a member row: always present while the membership exists. */
    User userOf(long id) {
        return UserBlob.decode(id, blobOf(id));
    }

    /**
     * The packed {@link UserBlob} of a user without decoding it, or null when the user is absent
     * or known by ID alone. Allocates nothing, so scans over many members can test names in place.
     */
    byte[] blobOf(long id) {
        byte[] blob = stripe(id).blob(id);
        return blob == UserStripe.ABSENT ? null : blob;
    }

    public long count() {
        long n = 0;
        for (UserStripe s : stripes) {
            n += s.size();
        }
        return n;
    }

    public long orphanEvictions() {
        orphans.cleanUp();
        return orphanEvictions.sum();
    }
}
