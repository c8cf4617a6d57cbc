package dev.hubcord.audio.library;

import com.sedmelluq.discord.lavaplayer.container.MediaContainerDescriptor;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import java.nio.file.Path;

/**
 * One indexed music file.
 *
 * @param path the file (absolute, inside the library)
 * @param title the title tag, else the file name without its extension
 * @param artist the artist tag, else empty
 * @param album the album tag, else empty
 * @param lengthMs the duration lavaplayer's probe found
 * @param container how lavaplayer decodes the file (found once, when indexed)
 * @param size the file's size when indexed, to notice a changed file at the next scan
 * @param modifiedMs the file's modification time when indexed, likewise
 */
public record LibraryEntry(Path path, String title, String artist, String album, long lengthMs,
        MediaContainerDescriptor container, long size, long modifiedMs) {

    /** lavaplayer's track info: the identifier and URI are the path. */
    public AudioTrackInfo info() {
        return new AudioTrackInfo(title, artist, lengthMs, path.toString(), false, path.toString());
    }
}
