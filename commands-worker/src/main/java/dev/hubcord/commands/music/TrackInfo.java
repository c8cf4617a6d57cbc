package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Base64;

/**
 * What a reply shows of a track: title, author, length. Read from a Lavalink-style track object ({@code info}), or
 * from an encoded track alone (the player snapshot carries only those): lavaplayer's encoding starts with a header
 * int (flags in the top two bits, bit 0 = a version byte follows), then title, author (modified UTF-8) and length.
 */
public record TrackInfo(String title, String author, long lengthMillis) {

    public static final TrackInfo UNKNOWN = new TrackInfo("an unknown track", "", 0);

    public static TrackInfo of(JsonNode track) {
        if (track == null || track.isMissingNode() || track.isNull()) {
            return UNKNOWN;
        }
        JsonNode info = track.path("info");
        if (info.path("title").isTextual()) {
            return new TrackInfo(info.path("title").asText(), info.path("author").asText(""),
                    info.path("length").asLong(0));
        }
        String encoded = track.isTextual() ? track.asText()
                : track.path("encoded").isTextual() ? track.path("encoded").asText() : track.path("track").asText(null);
        return encoded == null ? UNKNOWN : decode(encoded);
    }

    /** Reads title, author and length from an encoded track; {@link #UNKNOWN} when it does not parse. */
    public static TrackInfo decode(String encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            int header = in.readInt();
            if (((header >>> 30) & 1) != 0) {
                in.readUnsignedByte(); // version
            }
            return new TrackInfo(in.readUTF(), in.readUTF(), in.readLong());
        } catch (IOException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** {@code **Title** by Author (3:45)}. */
    public String display() {
        StringBuilder s = new StringBuilder("**").append(title.replaceAll("([*_`~|\\\\])", "\\\\$1")).append("**");
        if (!author.isEmpty()) {
            s.append(" by ").append(author.replaceAll("([*_`~|\\\\])", "\\\\$1"));
        }
        if (lengthMillis > 0 && lengthMillis < Long.MAX_VALUE) {
            s.append(" (").append(clock(lengthMillis)).append(')');
        }
        return s.toString();
    }

    /** {@code 3:05} or {@code 1:02:03}. */
    public static String clock(long millis) {
        long s = millis / 1000;
        return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
    }
}
