package dev.hubcord.audio.player;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.tools.io.MessageInput;
import com.sedmelluq.discord.lavaplayer.tools.io.MessageOutput;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import com.sedmelluq.discord.lavaplayer.track.DecodedTrackHolder;
import dev.hubcord.audio.AudioException;
import dev.hubcord.protocol.codec.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/** Tracks to and from lavaplayer's base64 encoding, and to Lavalink's track JSON. */
public final class TrackCodec {

    private final AudioPlayerManager manager;

    public TrackCodec(AudioPlayerManager manager) {
        this.manager = manager;
    }

    public String encode(AudioTrack track) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MessageOutput out = new MessageOutput(bytes);
            manager.encodeTrack(out, track);
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new AudioException(AudioException.Kind.LOAD, "cannot encode track " + track.getIdentifier(), e);
        }
    }

    /** @throws AudioException {@code BAD_COMMAND} when the string is not a track this worker's sources can decode */
    public AudioTrack decode(String encoded) {
        try {
            DecodedTrackHolder holder = manager.decodeTrack(new MessageInput(
                    new ByteArrayInputStream(Base64.getDecoder().decode(encoded))));
            if (holder == null || holder.decodedTrack == null) {
                throw new AudioException(AudioException.Kind.BAD_COMMAND, "encoded track of an unknown source");
            }
            return holder.decodedTrack;
        } catch (IOException | IllegalArgumentException e) {
            // the reason matters for a track a source refuses (e.g. a library track naming a file outside the library)
            throw new AudioException(AudioException.Kind.BAD_COMMAND,
                    "not an encoded track" + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** Lavalink's track object: {@code {encoded, info{...}, pluginInfo, userData}}. */
    public ObjectNode toJson(AudioTrack track, String encoded) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("encoded", encoded != null ? encoded : encode(track));
        AudioTrackInfo i = track.getInfo();
        ObjectNode info = node.putObject("info");
        info.put("identifier", i.identifier);
        info.put("isSeekable", track.isSeekable());
        info.put("author", i.author);
        info.put("length", i.length);
        info.put("isStream", i.isStream);
        info.put("position", track.getPosition());
        info.put("title", i.title);
        info.put("uri", i.uri);
        info.put("artworkUrl", i.artworkUrl);
        info.put("isrc", i.isrc);
        info.put("sourceName", track.getSourceManager() == null ? null : track.getSourceManager().getSourceName());
        node.putObject("pluginInfo");
        node.putObject("userData");
        return node;
    }
}
