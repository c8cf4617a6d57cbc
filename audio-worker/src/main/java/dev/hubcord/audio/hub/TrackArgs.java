package dev.hubcord.audio.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.player.QueuedTrack;
import dev.hubcord.audio.player.TrackCodec;
import dev.hubcord.audio.player.TrackLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tracks a command names. A track is an encoded string, or an object {@code {encoded | track | identifier,
 * startTime?, endTime?}}; PLAYER_QUEUE also takes {@code tracks: [...]} and a bare {@code identifier} (all tracks it
 * loads). Encoded tracks (from LOAD_TRACKS) are preferred: identifiers are loaded on the guild's executor.
 */
final class TrackArgs {

    private TrackArgs() {}

    static List<QueuedTrack> all(JsonNode d, TrackCodec codec, TrackLoader loader) {
        List<QueuedTrack> out = new ArrayList<>();
        if (d.has("track")) {
            out.addAll(entry(d.get("track"), codec, loader));
        }
        if (d.path("tracks").isArray()) {
            for (JsonNode t : d.get("tracks")) {
                out.addAll(entry(t, codec, loader));
            }
        }
        if (d.path("identifier").isTextual()) {
            for (AudioTrack t : loader.tracks(d.get("identifier").asText())) {
                out.add(new QueuedTrack(t, codec.encode(t), 0, 0));
            }
        }
        if (out.isEmpty()) {
            throw new AudioException(AudioException.Kind.BAD_COMMAND, "no track given (track, tracks or identifier)");
        }
        return out;
    }

    private static List<QueuedTrack> entry(JsonNode t, TrackCodec codec, TrackLoader loader) {
        if (t.isTextual()) {
            return List.of(new QueuedTrack(codec.decode(t.asText()), t.asText(), 0, 0));
        }
        if (!t.isObject()) {
            throw new AudioException(AudioException.Kind.BAD_COMMAND, "a track must be a string or an object");
        }
        long start = nonNegative(t, "startTime");
        long end = nonNegative(t, "endTime");
        String encoded = t.path("encoded").isTextual() ? t.get("encoded").asText()
                : t.path("track").isTextual() ? t.get("track").asText() : null;
        try {
            if (encoded != null) {
                return List.of(new QueuedTrack(codec.decode(encoded), encoded, start, end));
            }
            if (t.path("identifier").isTextual()) {
                List<QueuedTrack> out = new ArrayList<>();
                for (AudioTrack a : loader.tracks(t.get("identifier").asText())) {
                    out.add(new QueuedTrack(a, codec.encode(a), start, end));
                }
                return out;
            }
        } catch (IllegalArgumentException e) {
            throw new AudioException(AudioException.Kind.BAD_COMMAND, e.getMessage(), e);
        }
        throw new AudioException(AudioException.Kind.BAD_COMMAND, "a track object needs encoded or identifier");
    }

    static long nonNegative(JsonNode d, String field) {
        JsonNode n = d.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.canConvertToLong() || n.asLong() < 0) {
            throw new AudioException(AudioException.Kind.BAD_COMMAND, field + " must be a non-negative integer");
        }
        return n.asLong();
    }
}
