package dev.hubcord.hub.routing;

import dev.hubcord.hub.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which audio worker plays each guild. A guild goes to the connected worker with the fewest guilds
 * when it is first needed, and stays there while that worker's session lives (also while it is
 * briefly disconnected and may resume); when the session ends, its guilds are free to go elsewhere.
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

    /** Frees the guilds of an ended session. */
    public synchronized void remove(Session session) {
        owners.values().removeIf(owner -> owner == session);
        counts.remove(session);
    }

    /** How many guilds the session owns. */
    public synchronized int guildCount(Session session) {
        return counts.getOrDefault(session, 0);
    }
}
