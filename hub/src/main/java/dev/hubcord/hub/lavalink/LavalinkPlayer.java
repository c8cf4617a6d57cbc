package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;

/**
 * What the hub knows of one Lavalink player: the client's voice, the audio worker's latest snapshot and state, and
 * the current track's {@code userData} (kept here: the workers do not carry it). Written from the REST handler and the
 * worker's events, hence volatile fields each replaced whole.
 */
final class LavalinkPlayer {

    private final String guildId;
    private volatile Voice voice;
    /** The voice channel the worker was told to join ({@code voice.channelId}, or the guild's id as a stand-in). */
    private volatile String joinedChannel;
    private volatile JsonNode snapshot;
    private volatile JsonNode state;
    private volatile JsonNode userData;
    /** The track that was playing when the player moved to another worker: its restart there is not a new start. */
    private volatile String movedTrack;

    LavalinkPlayer(String guildId) {
        this.guildId = guildId;
    }

    String guildId() {
        return guildId;
    }

    Voice voice() {
        return voice;
    }

    void voice(Voice voice) {
        this.voice = voice;
    }

    String joinedChannel() {
        return joinedChannel;
    }

    void joinedChannel(String channel) {
        this.joinedChannel = channel;
    }

    void snapshot(JsonNode player) {
        if (player != null && player.isObject()) {
            this.snapshot = player;
        }
    }

    void state(JsonNode state) {
        if (state != null && state.isObject()) {
            this.state = state;
        }
    }

    /** The player is moving to another worker: remember the track it plays, whose TRACK_START there is a resume. */
    void moving() {
        JsonNode s = snapshot;
        JsonNode entry = s == null ? null : s.get("track");
        movedTrack = entry != null && entry.path("track").isTextual() ? entry.get("track").textValue() : null;
    }

    /** Whether a TRACK_START of {@code encoded} is the moved player's own track resuming (asked once per move). */
    boolean resumesAfterMove(String encoded) {
        String moved = movedTrack;
        movedTrack = null;
        return EncodedTrack.sameTrack(moved, encoded);
    }

    JsonNode userData() {
        return userData;
    }

    void userData(JsonNode userData) {
        this.userData = userData;
    }

    /** Lavalink's Player object. */
    ObjectNode toJson() {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("guildId", guildId);
        JsonNode s = snapshot;
        long now = System.currentTimeMillis();
        long position = 0;
        boolean paused = s != null && s.path("paused").asBoolean(false);
        JsonNode entry = s == null ? null : s.get("track");
        if (entry != null && entry.isObject() && entry.path("track").isTextual()) {
            position = s.path("position").asLong(0) + (paused ? 0 : Math.max(0, now - s.path("time").asLong(now)));
            ObjectNode track = EncodedTrack.decode(entry.get("track").textValue());
            long length = track.path("info").path("length").asLong(Long.MAX_VALUE);
            position = Math.min(position, length);
            ((ObjectNode) track.get("info")).put("position", position);
            if (userData != null) {
                track.set("userData", userData);
            }
            p.set("track", track);
        } else {
            p.putNull("track");
        }
        p.put("volume", s == null ? 100 : s.path("volume").asInt(100));
        p.put("paused", paused);
        ObjectNode st = p.putObject("state");
        JsonNode last = state;
        st.put("time", now);
        st.put("position", position);
        st.put("connected", last != null && last.path("connected").asBoolean(false));
        st.put("ping", last == null ? -1 : last.path("ping").asLong(-1));
        ObjectNode v = p.putObject("voice");
        Voice voice = this.voice;
        if (voice != null) {
            voice.write(v);
        } else {
            v.put("token", "");
            v.put("endpoint", "");
            v.put("sessionId", "");
        }
        JsonNode filters = s == null ? null : s.get("filters");
        p.set("filters", filters != null && filters.isObject() ? filters : Json.mapper().createObjectNode());
        return p;
    }
}
