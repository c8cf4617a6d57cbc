package dev.hubcord.dave.ratchet;

import dev.hubcord.dave.DaveClock;
import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.DaveProtocol;
import dev.hubcord.dave.frame.FrameCipher;
import dev.hubcord.dave.frame.FrameFormat;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Receive-side keys of one sender in one epoch, with libdave's limits (its {@code CryptorManager}):
 *
 * <ul>
 *   <li>a generation more than {@value #MAX_GENERATION_GAP} ahead of the newest seen is refused;
 *   <li>a generation the ratchet could not have reached yet at 170 frames/s since the ratchet was created is refused
 *       (stops a forged nonce from forcing a long ratchet walk);
 *   <li>once a newer generation decrypts, older generations stay usable for 10 s, then their keys are erased;
 *   <li>each nonce decrypts once: a nonce must be newer than the newest seen, or one of the last
 *       {@value #MAX_MISSING_NONCES} skipped ones.
 * </ul>
 *
 * Generations are "wrapped": the frame carries only 8 bits, the manager extends them past 255 relative to the oldest
 * generation it still holds. Not thread-safe; the owning decryptor serialises access.
 */
public final class CryptorManager {

    static final int MAX_GENERATION_GAP = 250;
    static final int MAX_MISSING_NONCES = 1000;
    static final int GENERATION_WRAP = 256;
    /** libdave's {@code kMaxFramesPerSecond}: 50 audio frames plus two 60 fps video streams. */
    static final long MAX_FRAMES_PER_SECOND = 50 + 2 * 60;

    private record Expiring(FrameCipher cipher, long expiresAt) {
    }

    private final DaveClock clock;
    private final KeyRatchet ratchet;
    private final long createdAt;
    private long expiresAt = Long.MAX_VALUE;
    private final Map<Long, Expiring> cryptors = new HashMap<>();
    private long oldestGeneration;
    private long newestGeneration;
    private long newestNonce = -1;
    private final ArrayDeque<Long> missingNonces = new ArrayDeque<>();

    public CryptorManager(DaveClock clock, KeyRatchet ratchet) {
        this.clock = clock;
        this.ratchet = ratchet;
        this.createdAt = clock.nanos();
    }

    /** Limits the lifetime of this whole epoch's keys (a newer epoch was installed). */
    public void expireAt(long nanos) {
        expiresAt = Math.min(expiresAt, nanos);
    }

    public boolean isExpired() {
        return clock.nanos() - expiresAt > 0 && expiresAt != Long.MAX_VALUE;
    }

    /** Extends the 8-bit generation of a frame to the full generation, relative to the oldest key held. */
    public long wrappedGeneration(int generationByte) {
        return wrap(oldestGeneration, generationByte);
    }

    /**
     * libdave's {@code ComputeWrappedGeneration}: the smallest generation not below {@code reference} whose low 8 bits
     * are {@code generationByte} (a wrong guess is caught by the generation-gap limit).
     */
    public static long wrap(long reference, int generationByte) {
        long remainder = reference % GENERATION_WRAP;
        long factor = reference / GENERATION_WRAP + (generationByte < remainder ? 1 : 0);
        return factor * GENERATION_WRAP + generationByte;
    }

    private static long bigNonce(long generation, int truncatedNonce) {
        return generation << FrameFormat.GENERATION_SHIFT | (truncatedNonce & 0xFFFFFFL);
    }

    /** Replay check: the nonce has not been used and is not older than the tracked window. */
    public boolean canProcessNonce(long generation, int truncatedNonce) {
        if (newestNonce < 0) {
            return true;
        }
        long nonce = bigNonce(generation, truncatedNonce);
        return nonce > newestNonce || missingNonces.contains(nonce);
    }

    /** The cipher for {@code generation}, or {@code null} when the limits above refuse it. */
    public FrameCipher cryptor(long generation) {
        cleanupExpired();
        if (generation < oldestGeneration || generation > newestGeneration + MAX_GENERATION_GAP) {
            return null;
        }
        long lifetimeSeconds = Math.max(0, (clock.nanos() - createdAt) / 1_000_000_000L);
        long maxLifetimeGenerations = (MAX_FRAMES_PER_SECOND * lifetimeSeconds) >> FrameFormat.GENERATION_SHIFT;
        if (generation > maxLifetimeGenerations) {
            return null;
        }
        Expiring entry = cryptors.get(generation);
        if (entry == null) {
            byte[] key;
            try {
                key = ratchet.key(generation);
            } catch (DaveException erased) {
                return null;
            }
            // a generation older than the newest one is only needed for late frames: give it the short expiry now
            long expiry = generation < newestGeneration ? clock.nanos() + DaveProtocol.KEY_RETENTION_NANOS
                    : Long.MAX_VALUE;
            entry = new Expiring(new FrameCipher(key), expiry);
            cryptors.put(generation, entry);
        }
        return entry.cipher();
    }

    /** Records a successful decryption: advances the nonce window and, on a new generation, starts old keys' expiry. */
    public void reportSuccess(long generation, int truncatedNonce) {
        long nonce = bigNonce(generation, truncatedNonce);
        if (newestNonce < 0) {
            newestNonce = nonce;
        } else if (nonce > newestNonce) {
            long missing = Math.min(nonce - newestNonce - 1, MAX_MISSING_NONCES);
            while (!missingNonces.isEmpty() && missingNonces.size() + missing > MAX_MISSING_NONCES) {
                missingNonces.pollFirst();
            }
            for (long n = nonce - missing; n < nonce; n++) {
                missingNonces.addLast(n);
            }
            newestNonce = nonce;
        } else {
            missingNonces.remove(nonce);
        }
        if (generation <= newestGeneration || !cryptors.containsKey(generation)) {
            return;
        }
        newestGeneration = generation;
        long expiry = clock.nanos() + DaveProtocol.KEY_RETENTION_NANOS;
        cryptors.replaceAll((gen, e) -> gen < newestGeneration && e.expiresAt() > expiry
                ? new Expiring(e.cipher(), expiry) : e);
    }

    private void cleanupExpired() {
        long now = clock.nanos();
        for (Iterator<Map.Entry<Long, Expiring>> it = cryptors.entrySet().iterator(); it.hasNext(); ) {
            Expiring e = it.next().getValue();
            if (e.expiresAt() != Long.MAX_VALUE && now - e.expiresAt() > 0) {
                it.remove();
            }
        }
        while (oldestGeneration < newestGeneration && !cryptors.containsKey(oldestGeneration)) {
            ratchet.erase(oldestGeneration);
            oldestGeneration++;
        }
    }
}
