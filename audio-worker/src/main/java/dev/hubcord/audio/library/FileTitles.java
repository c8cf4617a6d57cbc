package dev.hubcord.audio.library;

import com.sedmelluq.discord.lavaplayer.container.MediaContainerDetection;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import java.nio.file.Path;

/** What a music file is called when its tags say nothing: its file name, and no artist. */
public final class FileTitles {

    private FileTitles() {}

    /** The file name without its extension ({@code "01 Intro.flac"} → {@code "01 Intro"}). */
    public static String fromFileName(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The first of the values that is set and not one of lavaplayer's "Unknown ..." placeholders, else "". */
    static String firstKnown(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank() && !v.equals(MediaContainerDetection.UNKNOWN_TITLE)
                    && !v.equals(MediaContainerDetection.UNKNOWN_ARTIST)) {
                return v.strip();
            }
        }
        return "";
    }

    /** lavaplayer's probe result with its placeholders replaced: title from the file name, artist empty. */
    public static AudioTrackInfo named(AudioTrackInfo info) {
        String title = firstKnown(info.title);
        String author = firstKnown(info.author);
        if (!title.isEmpty() && author.equals(info.author)) {
            return info;
        }
        return new AudioTrackInfo(title.isEmpty() ? fromFileName(Path.of(info.identifier)) : title, author,
                info.length, info.identifier, info.isStream, info.uri, info.artworkUrl, info.isrc);
    }
}
