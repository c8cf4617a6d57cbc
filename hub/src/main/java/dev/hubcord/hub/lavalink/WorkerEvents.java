package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.codec.Json;

/**
 * An audio worker's event for a Lavalink guild as the Lavalink op: the worker's events already carry Lavalink's
 * track, exception and state objects, so this renames, keeps the player's snapshot and state, and adds the track's
 * {@code userData}. The TRACK_START of a player's own track on the worker that took it over is not passed on (the
 * client sees one track playing on), and a voice close the worker resumes by itself ({@code action: resume}) is not passed on: the client
 * has nothing to do for it.
 */
final class WorkerEvents {

    /** The op for the client, or {@code null} when there is nothing to tell it. */
    ObjectNode translate(EventType type, JsonNode d, LavalinkPlayer player) {
        String guildId = d.path("guildID").asText();
        if (player != null) {
            player.snapshot(d.get("player"));
        }
        ObjectNode out = Json.mapper().createObjectNode();
        if (type == EventType.PLAYER_UPDATE) {
            JsonNode state = d.get("state");
            if (state == null || !state.isObject() || d.path("player").isNull()) {
                return null;
            }
            if (player != null) {
                player.state(state);
            }
            out.put("op", "playerUpdate");
            out.put("guildId", guildId);
            out.set("state", state);
            return out;
        }
        out.put("op", "event");
        switch (type) {
            case TRACK_START -> {
                if (player != null && player.resumesAfterMove(d.path("track").path("encoded").asText(null))) {
                    return null; // the same track going on on another worker: to the client nothing started
                }
                out.put("type", "TrackStartEvent");
            }
            case TRACK_END -> out.put("type", "TrackEndEvent");
            case TRACK_EXCEPTION -> out.put("type", "TrackExceptionEvent");
            case TRACK_STUCK -> out.put("type", "TrackStuckEvent");
            case VOICE_CLOSED -> {
                if ("resume".equals(d.path("action").asText())) {
                    return null;
                }
                out.put("type", "WebSocketClosedEvent");
            }
            default -> {
                return null;
            }
        }
        out.put("guildId", guildId);
        if (type == EventType.VOICE_CLOSED) {
            out.put("code", d.path("code").asInt());
            out.put("reason", d.path("reason").asText(""));
            out.put("byRemote", d.path("byRemote").asBoolean(true));
            return out;
        }
        JsonNode track = d.get("track");
        if (track != null && track.isObject()) {
            ObjectNode copy = track.deepCopy();
            JsonNode userData = player == null ? null : player.userData();
            if (userData != null) {
                copy.set("userData", userData);
            }
            out.set("track", copy);
        }
        switch (type) {
            case TRACK_END -> out.put("reason", d.path("reason").asText("finished"));
            case TRACK_EXCEPTION -> out.set("exception", d.get("exception"));
            case TRACK_STUCK -> out.put("thresholdMs", d.path("thresholdMs").asLong());
            default -> { }
        }
        return out;
    }
}
