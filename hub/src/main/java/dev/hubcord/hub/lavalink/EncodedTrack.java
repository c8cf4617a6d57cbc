package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Decodes Lavalink's encoded tracks: base64 of lavaplayer's track message. The layout is small and documented by
 * lavaplayer ({@code DefaultAudioPlayerManager.encodeTrack}): an int header (body size in the low 30 bits, flags in
 * the top two; flag 1 = versioned), a version byte, then title, author (Java modified UTF-8 with a 2-byte length),
 * length (long), identifier, isStream (boolean), uri (version 2+: a boolean "present" then the text), artworkUrl and
 * isrc (version 3+, the same way), sourceName, the source's own fields, and the position as the body's last long.
 * Decoding it here keeps lavaplayer (and its HTTP clients and codecs) out of the hub, which never plays audio; the
 * audio workers, which have lavaplayer, produce the strings.
 */
final class EncodedTrack {

    private EncodedTrack() {
    }

    /** The Lavalink track object for {@code encoded}; an {@link IllegalArgumentException} saying why if it is not one. */
    static ObjectNode decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage());
        }
        if (bytes.length < 5) {
            throw new IllegalArgumentException("too short for a track");
        }
        int header = ByteBuffer.wrap(bytes, 0, 4).getInt();
        int size = header & 0x3FFFFFFF;
        boolean versioned = ((header >>> 30) & 1) != 0;
        if (size + 4 > bytes.length || size < 9) {
            throw new IllegalArgumentException("the header's size " + size + " does not fit the " + bytes.length + " bytes");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 4, size))) {
            int version = versioned ? in.readUnsignedByte() : 1;
            if (version < 1 || version > 3) {
                throw new IllegalArgumentException("unknown track version " + version);
            }
            String title = in.readUTF();
            String author = in.readUTF();
            long length = in.readLong();
            String identifier = in.readUTF();
            boolean stream = in.readBoolean();
            String uri = version >= 2 ? nullableText(in) : null;
            String artwork = version >= 3 ? nullableText(in) : null;
            String isrc = version >= 3 ? nullableText(in) : null;
            String source = in.readUTF();
            long position = ByteBuffer.wrap(bytes, 4 + size - 8, 8).getLong();
            ObjectNode track = Json.mapper().createObjectNode();
            track.put("encoded", encoded);
            ObjectNode info = track.putObject("info");
            info.put("identifier", identifier);
            info.put("isSeekable", !stream);
            info.put("author", author);
            info.put("length", length);
            info.put("isStream", stream);
            info.put("position", position);
            info.put("title", title);
            info.put("uri", uri);
            info.put("artworkUrl", artwork);
            info.put("isrc", isrc);
            info.put("sourceName", source);
            track.putObject("pluginInfo");
            track.putObject("userData");
            return track;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated track: " + e);
        }
    }

    /** Whether two encoded tracks are the same track, whatever position each was encoded at (the body's last long). */
    static boolean sameTrack(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            byte[] x = Base64.getDecoder().decode(a);
            byte[] y = Base64.getDecoder().decode(b);
            return x.length == y.length && x.length > 8
                    && java.util.Arrays.equals(x, 0, x.length - 8, y, 0, y.length - 8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String nullableText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
