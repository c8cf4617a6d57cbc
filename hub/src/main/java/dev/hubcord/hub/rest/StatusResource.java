package dev.hubcord.hub.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.audio.PlayerState;
import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.status.EventRates;
import io.micrometer.core.instrument.Gauge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /v1/status}: everything the status page shows in one answer, so that the page polls one URL — the
 * services and shards as {@code /v1/services} and {@code /v1/shards} give them, the audio players (at most
 * {@value #MAX_PLAYERS}, with the total), events routed per second, acknowledgements pending and the Discord
 * cache's sizes.
 */
final class StatusResource {

    /** The page lists this many players at most; a hub may hold thousands, the total is given beside. */
    static final int MAX_PLAYERS = 100;

    private final HubCore core;
    private final ServicesResource services;
    private final EventRates rates;
    private final Instant started = Instant.now();

    StatusResource(HubCore core, ServicesResource services) {
        this.core = core;
        this.services = services;
        this.rates = new EventRates(core.metrics().registry());
    }

    RestResponse status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", System.currentTimeMillis());
        out.put("hub", Map.of("startTime", started.toString()));
        out.put("services", services.serviceList());
        out.put("shards", services.shardList());
        out.put("players", players());
        EventRates.Rates r = rates.sample();
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("intervalMs", r.intervalMs());
        routing.put("eventsPerSecond", r.perSecond());
        out.put("routing", routing);
        out.put("acksPending", core.sessions().all().stream().mapToLong(Session::unackedCount).sum());
        out.put("cache", cacheSizes());
        return RestResponse.ok(out);
    }

    private Map<String, Object> players() {
        List<Map<String, Object>> list = new ArrayList<>();
        long now = System.currentTimeMillis();
        core.audioPlayers().states().snapshot(MAX_PLAYERS).forEach((guild, state) -> list.add(player(guild, state, now)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", core.audioPlayers().states().size());
        out.put("list", list);
        return out;
    }

    private Map<String, Object> player(long guild, PlayerState state, long now) {
        Session owner = core.audioOwners().owner(guild);
        JsonNode p = state.player();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("guildID", Long.toUnsignedString(guild));
        entry.put("worker", owner == null ? null : owner.name());
        entry.put("channelID", state.channelId());
        entry.put("playing", p.hasNonNull("track"));
        entry.put("paused", p.path("paused").asBoolean(false));
        entry.put("volume", p.path("volume").asInt(100));
        // where it is now: the snapshot's position plus the time since, unless paused (docs/protocol.md)
        long position = p.path("position").asLong(0);
        if (p.hasNonNull("track") && !p.path("paused").asBoolean(false)) {
            position += Math.max(0, now - p.path("time").asLong(now));
        }
        entry.put("position", position);
        entry.put("queue", p.path("queue").size());
        entry.put("ageMs", Math.max(0, now - state.updatedAt()));
        return entry;
    }

    /** The {@code hubcord.cache.size} gauges by entity; empty when the hub runs without its Discord cache. */
    private Map<String, Long> cacheSizes() {
        Map<String, Long> out = new TreeMap<>();
        for (Gauge g : core.metrics().registry().find("hubcord.cache.size").gauges()) {
            String entity = g.getId().getTag("entity");
            if (entity != null) {
                out.put(entity, (long) g.value());
            }
        }
        return out;
    }
}
