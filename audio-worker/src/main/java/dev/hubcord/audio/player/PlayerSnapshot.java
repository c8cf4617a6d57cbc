package dev.hubcord.audio.player;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.filter.Filters;
import dev.hubcord.audio.filter.FiltersJson;
import dev.hubcord.protocol.codec.Json;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker that takes a guild over needs to resume it where it stood: the channel, the current track and its
 * position at {@code time}, pause, volume, repeat, the queue, the filters and the crossfade. Travels as the {@code
 * player} object of PLAYER_UPDATE, TRACK_START and TRACK_END.
 *
 * @param channelId the voice channel, or {@code null} when not joined
 * @param current the playing track, or {@code null}
 * @param position the current track's position in ms at {@code time}
 * @param time wall-clock ms when the snapshot was taken
 * @param filters the player's filters (Lavalink's {@code filters} object), {@link Filters#NONE} for none
 * @param crossfadeMs the crossfade between queued tracks (0 = a gapless cut), -1 when the snapshot has none (from a
 *     worker without crossfade: the taking-over worker keeps its default)
 */
public record PlayerSnapshot(String channelId, Entry current, long position, boolean paused, int volume,
        RepeatMode repeat, List<Entry> queue, long time, Filters filters, int crossfadeMs) {

    private static final Logger log = LoggerFactory.getLogger(PlayerSnapshot.class);

    /** The longest crossfade a guild may set (and {@code AUDIO_CROSSFADE_MS}), as music apps allow. */
    public static final int MAX_CROSSFADE_MS = 12_000;

    /** A track in encoded form with its times. */
    public record Entry(String track, long startTime, long endTime) {}

    public PlayerSnapshot {
        queue = List.copyOf(queue);
        filters = filters == null ? Filters.NONE : filters;
    }

    public PlayerSnapshot(String channelId, Entry current, long position, boolean paused, int volume,
            RepeatMode repeat, List<Entry> queue, long time) {
        this(channelId, current, position, paused, volume, repeat, queue, time, Filters.NONE);
    }

    public PlayerSnapshot(String channelId, Entry current, long position, boolean paused, int volume,
            RepeatMode repeat, List<Entry> queue, long time, Filters filters) {
        this(channelId, current, position, paused, volume, repeat, queue, time, filters, -1);
    }

    /** Where the current track would be now, had it kept playing since the snapshot. */
    public long positionAt(long now) {
        return current == null || paused ? position : position + Math.max(0, now - time);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("channelID", channelId);
        n.set("track", current == null ? null : entry(current));
        n.put("position", position);
        n.put("paused", paused);
        n.put("volume", volume);
        n.put("repeat", repeat.wireName());
        ArrayNode q = n.putArray("queue");
        queue.forEach(e -> q.add(entry(e)));
        n.put("time", time);
        n.set("filters", FiltersJson.toJson(filters));
        if (crossfadeMs >= 0) {
            n.put("crossfadeMs", crossfadeMs);
        }
        return n;
    }

    private static ObjectNode entry(Entry e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("track", e.track());
        n.put("startTime", e.startTime());
        n.put("endTime", e.endTime());
        return n;
    }

    /** @throws IllegalArgumentException when the JSON is not a snapshot */
    public static PlayerSnapshot fromJson(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("time").canConvertToLong()) {
            throw new IllegalArgumentException("not a player snapshot: " + n);
        }
        List<Entry> queue = new ArrayList<>();
        n.path("queue").forEach(e -> queue.add(entryOf(e)));
        JsonNode track = n.path("track");
        return new PlayerSnapshot(n.path("channelID").isTextual() ? n.path("channelID").asText() : null,
                track.isObject() ? entryOf(track) : null, n.path("position").asLong(0), n.path("paused").asBoolean(false),
                n.path("volume").asInt(100), RepeatMode.parse(n.path("repeat").asText("off")), queue,
                n.path("time").asLong(), filtersOf(n.get("filters")), crossfadeOf(n.get("crossfadeMs")));
    }

    /** The snapshot's crossfade, or -1 when absent or unusable (logged): the rest of the state still counts. */
    private static int crossfadeOf(JsonNode n) {
        if (n == null || n.isNull()) {
            return -1;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > MAX_CROSSFADE_MS) {
            log.warn("player snapshot: crossfadeMs dropped: {}", n);
            return -1;
        }
        return n.asInt();
    }

    /** The snapshot's filters; unusable ones are logged and dropped rather than losing the rest of the state. */
    private static Filters filtersOf(JsonNode n) {
        try {
            return FiltersJson.parse(n);
        } catch (IllegalArgumentException e) {
            log.warn("player snapshot: filters dropped: {}", e.getMessage());
            return Filters.NONE;
        }
    }

    private static Entry entryOf(JsonNode e) {
        if (!e.path("track").isTextual()) {
            throw new IllegalArgumentException("snapshot entry without track: " + e);
        }
        return new Entry(e.get("track").asText(), e.path("startTime").asLong(0), e.path("endTime").asLong(0));
    }
}
