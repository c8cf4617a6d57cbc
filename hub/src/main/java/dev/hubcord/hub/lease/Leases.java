package dev.hubcord.hub.lease;

/** Who holds which named lease. Implementations are thread-safe. */
public interface Leases {

    /** Names held at most at once; past it a new name is refused (not granted) until others end. */
    int MAX_NAMES = 10_000;

    /**
     * Grants {@code name} to {@code session} for {@code ttlMs} if nobody else holds it (or the holder's time has
     * passed), or renews it if {@code session} already holds it.
     */
    Grant acquire(String name, String session, long ttlMs);

    /** Ends {@code name} if {@code session} holds it; otherwise nothing happens. */
    boolean release(String name, String session);

    /** Ends every lease {@code session} holds (its session ended). */
    int releaseAll(String session);

    /** Leases currently held (expired ones may be counted until they are swept). */
    int size();

    /**
     * The outcome of an acquire.
     *
     * @param granted whether the caller holds the lease now
     * @param holder the session holding it (the caller when granted; {@code null} when refused for the bound)
     * @param expiresInMs how long the holder's lease has left
     */
    record Grant(boolean granted, String holder, long expiresInMs) {}
}
