package dev.hubcord.cache.store;

import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;

/**
 * One stripe of the user table: users sorted by ID in parallel arrays (ID, packed blob, number of
 * cached memberships). Writers take the stripe's write lock for a binary search and at most a
 * short array move; readers use an optimistic read and retry under the read lock.
 */
final class UserStripe {

    private final StampedLock lock = new StampedLock();
    private long[] ids = new long[4];
    private byte[][] blobs = new byte[4][];
    private int[] refs = new int[4];
    private int size;

    /**
     * Adds a membership reference, creating the user (with {@code blob}, possibly null) if needed.
     *
     * @return the blob {@code blob} replaced (read under the lock, so renames are seen in order; null
     *         for a user known by ID alone), or {@link #ABSENT} when nothing was replaced
     */
    byte[] acquire(long id, byte[] blob) {
        long stamp = lock.writeLock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, id);
            if (i >= 0) {
                refs[i]++;
                byte[] old = blobs[i];
                if (blob != null) {
                    blobs[i] = blob;
                    return old;
                }
            } else {
                insert(-i - 1, id, blob, 1);
            }
            return ABSENT;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** What {@link #put} did: whether the user has no membership, and the blob it replaced ({@link #ABSENT}: none). */
    record Put(boolean orphan, byte[] previous) {
    }

    /** Stores a user pushed on its own; the caller tracks an orphan in its LRU. */
    Put put(long id, byte[] blob) {
        long stamp = lock.writeLock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, id);
            if (i >= 0) {
                byte[] old = blobs[i];
                blobs[i] = blob;
                return new Put(refs[i] == 0, old);
            }
            insert(-i - 1, id, blob, 0);
            return new Put(true, ABSENT);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Drops a membership reference; the user goes with its last membership. */
    void release(long id) {
        long stamp = lock.writeLock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, id);
            if (i >= 0 && --refs[i] <= 0) {
                delete(i);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Removes the user unless a membership still references it. */
    boolean removeIfUnreferenced(long id) {
        long stamp = lock.writeLock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, id);
            if (i >= 0 && refs[i] <= 0) {
                delete(i);
                return true;
            }
            return false;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The blob of a user, or {@link #ABSENT}; a present user with no known fields has a null blob. */
    byte[] blob(long id) {
        long stamp = lock.tryOptimisticRead();
        byte[] found = find(id);
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                found = find(id);
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return found;
    }

    static final byte[] ABSENT = new byte[0];

    private byte[] find(long id) {
        long[] a = ids;
        byte[][] b = blobs;
        int n = Math.min(size, Math.min(a.length, b.length));
        int i = Arrays.binarySearch(a, 0, n, id);
        return i >= 0 ? b[i] : ABSENT;
    }

    int size() {
        return size;
    }

    private void insert(int at, long id, byte[] blob, int ref) {
        if (size == ids.length) {
            int cap = size + (size >> 2) + 4;
            ids = Arrays.copyOf(ids, cap);
            blobs = Arrays.copyOf(blobs, cap);
            refs = Arrays.copyOf(refs, cap);
        }
        int tail = size - at;
        System.arraycopy(ids, at, ids, at + 1, tail);
        System.arraycopy(blobs, at, blobs, at + 1, tail);
        System.arraycopy(refs, at, refs, at + 1, tail);
        ids[at] = id;
        blobs[at] = blob;
        refs[at] = ref;
        size++;
    }

    private void delete(int at) {
        int tail = size - at - 1;
        System.arraycopy(ids, at + 1, ids, at, tail);
        System.arraycopy(blobs, at + 1, blobs, at, tail);
        System.arraycopy(refs, at + 1, refs, at, tail);
        size--;
        blobs[size] = null;
        if (size < ids.length / 4 && ids.length > 16) {
            int cap = size + (size >> 2) + 4;
            ids = Arrays.copyOf(ids, cap);
            blobs = Arrays.copyOf(blobs, cap);
            refs = Arrays.copyOf(refs, cap);
        }
    }
}
