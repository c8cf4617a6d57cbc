package dev.hubcord.audio.player;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sedmelluq.discord.lavaplayer.player.AudioLoadResultHandler;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioPlaylist;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import dev.hubcord.audio.AudioException;
import dev.hubcord.protocol.codec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LOAD_TRACKS: resolves an identifier through lavaplayer's sources and answers in Lavalink's shapes,
 * {@code {loadType: track|playlist|search|empty|error, data}}. Blocking: run it on a guild executor or a virtual
 * thread.
 */
public final class TrackLoader {

    private final AudioPlayerManager manager;
    private final TrackCodec codec;

    public TrackLoader(AudioPlayerManager manager, TrackCodec codec) {
        this.manager = manager;
        this.codec = codec;
    }

    /** The Lavalink-shaped result; never throws. */
    public ObjectNode load(String identifier) {
        ObjectNode result = Json.mapper().createObjectNode();
        if (identifier == null || identifier.isBlank()) {
            result.put("loadType", "error");
            result.set("data", exception("identifier is required", FriendlyException.Severity.COMMON, null));
            return result;
        }
        manager.loadItemSync(identifier, new AudioLoadResultHandler() {
            @Override
            public void trackLoaded(AudioTrack track) {
                result.put("loadType", "track");
                result.set("data", codec.toJson(track, null));
            }

            @Override
            public void playlistLoaded(AudioPlaylist playlist) {
                ArrayNode tracks = Json.mapper().createArrayNode();
                playlist.getTracks().forEach(t -> tracks.add(codec.toJson(t, null)));
                if (playlist.isSearchResult()) {
                    result.put("loadType", "search");
                    result.set("data", tracks);
                    return;
                }
                result.put("loadType", "playlist");
                ObjectNode data = result.putObject("data");
                ObjectNode info = data.putObject("info");
                info.put("name", playlist.getName());
                info.put("selectedTrack", playlist.getSelectedTrack() == null ? -1
                        : playlist.getTracks().indexOf(playlist.getSelectedTrack()));
                data.putObject("pluginInfo");
                data.set("tracks", tracks);
            }

            @Override
            public void noMatches() {
                result.put("loadType", "empty");
                result.putObject("data");
            }

            @Override
            public void loadFailed(FriendlyException e) {
                result.put("loadType", "error");
                result.set("data", exception(e.getMessage(), e.severity, e.getCause()));
            }
        });
        return result;
    }

    /**
     * The tracks an identifier yields, for commands that name identifiers instead of encoded tracks: one track, a
     * playlist's tracks, or the first search result.
     *
     * @throws AudioException {@code LOAD} when nothing playable comes back
     */
    public List<AudioTrack> tracks(String identifier) {
        List<AudioTrack> out = new ArrayList<>();
        String[] error = new String[1];
        manager.loadItemSync(identifier, new AudioLoadResultHandler() {
            @Override
            public void trackLoaded(AudioTrack track) {
                out.add(track);
            }

            @Override
            public void playlistLoaded(AudioPlaylist playlist) {
                if (playlist.isSearchResult()) {
                    if (!playlist.getTracks().isEmpty()) {
                        out.add(playlist.getTracks().getFirst());
                    }
                } else {
                    out.addAll(playlist.getTracks());
                }
            }

            @Override
            public void noMatches() {
                error[0] = "no matches for " + identifier;
            }

            @Override
            public void loadFailed(FriendlyException e) {
                error[0] = e.getMessage();
            }
        });
        if (out.isEmpty()) {
            throw new AudioException(AudioException.Kind.LOAD, error[0] != null ? error[0] : "nothing loaded");
        }
        return out;
    }

    /** Lavalink's exception object: {@code {message, severity, cause}}. */
    public static ObjectNode exception(String message, FriendlyException.Severity severity, Throwable cause) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("message", message);
        e.put("severity", severity.name().toLowerCase(Locale.ROOT));
        e.put("cause", cause == null ? null : cause.toString());
        return e;
    }
}
