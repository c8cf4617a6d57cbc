package dev.hubcord.hub.audio;

import dev.hubcord.hub.metrics.HubMetrics;
import io.micrometer.core.instrument.Counter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register of player snapshots: one entry per guild that has an audio owner, at most
 * {@code HUB_PLAYER_STATES}. Past the bound the least recently updated or read entry is evicted,
 * counted in {@code hub_player_states_evicted_total} and logged (at most one line per 10 s): that
 * guild's queue cannot be recovered if its worker dies before its next snapshot (at most
 * {@code AUDIO_PLAYER_UPDATE_MS} later while it plays). Thread-safe; every operation is O(1).
 */
public final class PlayerStates {

    private static final Logger log = LoggerFactory.getLogger(PlayerStates.class);

    private final int limit;
    private final Map<Long, PlayerState> states = new LinkedHashMap<>(16, 0.75f, true);
    private final Counter evicted;
    private long lastEvictionLog;
    private long evictedSinceLog;

    public PlayerStates(int limit, HubMetrics metrics) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.evicted = Counter.builder("hub_player_states_evicted")
                .description("player snapshots dropped because HUB_PLAYER_STATES was reached").register(metrics.registry());
        metrics.gauge("hub_player_states", "guilds whose latest player snapshot the hub holds", this, PlayerStates::size);
    }

    public synchronized void put(long guildId, PlayerState state) {
        states.put(guildId, state);
        if (states.size() > limit) {
            var eldest = states.entrySet().iterator();
            long guild = eldest.next().getKey();
            eldest.remove();
            evicted.increment();
            evictedSinceLog++;
            long now = System.nanoTime();
            if (lastEvictionLog == 0 || now - lastEvictionLog > 10_000_000_000L) {
                log.warn("player snapshots are at HUB_PLAYER_STATES={}: dropped guild {}'s ({} dropped since the last"
                        + " such line); raise the limit to keep every guild recoverable", limit, guild, evictedSinceLog);
                lastEvictionLog = now;
                evictedSinceLog = 0;
            }
        }
    }

    public synchronized PlayerState get(long guildId) {
        return states.get(guildId);
    }

    public synchronized PlayerState remove(long guildId) {
        return states.remove(guildId);
    }

    /**
     * A copy of at most {@code max} entries (guild → state), most recently updated or read last; iterating does
     * not change that order. For the status page, which shows a bounded list.
     */
    public synchronized Map<Long, PlayerState> snapshot(int max) {
        Map<Long, PlayerState> out = new LinkedHashMap<>();
        for (Map.Entry<Long, PlayerState> e : states.entrySet()) {
            if (out.size() == max) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    public synchronized int size() {
        return states.size();
    }
}
