package dev.hubcord.hub.routing;

import dev.hubcord.hub.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which audio worker plays each guild. A guild goes to the connected worker with the fewest guilds
 * when it is first needed, and stays there while that worker's session lives (also while it is
 * briefly disconnected and may resume); when the session ends, its guilds are free to go elsewhere.
 * A worker may also claim a guild it already plays (after a hub restart the hub knows no owners, and
 * the workers tell it what they play): see {@link #claim}.
 */
public final class AudioGuildOwners {

    private final Map<Long, Session> owners = new HashMap<>();
    private final Map<Session, Integer> counts = new HashMap<>();

    /** The owner of the guild, choosing one among {@code candidates} if it has none; {@code null} if none can be chosen. */
    public synchronized Session ownerFor(long guildId, List<Session> candidates) {
        Session owner = owners.get(guildId);
        if (owner != null && !owner.isEnded()) {
            return owner;
        }
        Session best = null;
        for (Session candidate : candidates) {
            if (!candidate.isConnected()) {
                continue;
            }
            if (best == null || load(candidate) < load(best)) {
                best = candidate;
            }
        }
        if (best != null) {
            owners.put(guildId, best);
            counts.merge(best, 1, Integer::sum);
        }
        return best;
    }

    private int load(Session session) {
        return Math.max(counts.getOrDefault(session, 0), (int) session.stats().players());
    }

    /** The guild's owner while its session lives, else {@code null}. */
    public synchronized Session owner(long guildId) {
        Session owner = owners.get(guildId);
        return owner == null || owner.isEnded() ? null : owner;
    }

    /**
     * Makes {@code claimant} the guild's owner if the guild has no live owner, or if
     * {@code replaceLiveOwner} (the caller's rule decided the claimant plays the guild and the owner
     * does not). A live owner other than the claimant otherwise keeps the guild.
     *
     * @return whether the claimant owns the guild now
     */
    public synchronized boolean claim(long guildId, Session claimant, boolean replaceLiveOwner) {
        Session owner = owners.get(guildId);
        if (owner == claimant) {
            return true;
        }
        if (owner != null && !owner.isEnded()) {
            if (!replaceLiveOwner) {
                return false;
            }
            counts.computeIfPresent(owner, (s, n) -> n > 1 ? n - 1 : null);
        }
        owners.put(guildId, claimant);
        counts.merge(claimant, 1, Integer::sum);
        return true;
    }

    /** Frees the guilds of an ended session and returns them. */
    public synchronized List<Long> remove(Session session) {
        List<Long> freed = new ArrayList<>();
        owners.entrySet().removeIf(e -> {
            if (e.getValue() == session) {
                freed.add(e.getKey());
                return true;
            }
            return false;
        });
        counts.remove(session);
        return freed;
    }

    /** How many guilds the session owns. */
    public synchronized int guildCount(Session session) {
        return counts.getOrDefault(session, 0);
    }
}
