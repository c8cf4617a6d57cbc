package dev.hubcord.audio.library;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.wav.WavOptions;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagOptionSingleton;

/**
 * Title, artist and album of a music file, read with jaudiotagger (ID3 in MP3 and WAV, Vorbis comments in FLAC and
 * Ogg, MP4 atoms in M4A, RIFF INFO in WAV). A file it cannot read has no tags: the caller falls back to what
 * lavaplayer's probe found and to the file name.
 */
final class TagReader {

    /** Tags of one file; empty strings for absent ones. */
    record Tags(String title, String artist, String album) {
        static final Tags NONE = new Tags("", "", "");
    }

    /*
     * jaudiotagger logs through java.util.logging, a warning per odd frame or padding it meets, which in a large
     * library is a flood on stderr; an unreadable file simply has no tags here. Held in a field: JUL keeps loggers
     * weakly, and a collected logger would come back at its default level.
     */
    private static final Logger JAUDIOTAGGER = Logger.getLogger("org.jaudiotagger");

    static {
        JAUDIOTAGGER.setLevel(Level.OFF);
        // jaudiotagger reads only a WAV's ID3 chunk by default; most WAV taggers write RIFF INFO, so read that too
        TagOptionSingleton.getInstance().setWavOptions(WavOptions.READ_ID3_UNLESS_ONLY_INFO);
    }

    private TagReader() {}

    static Tags read(Path file) {
        try {
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag = audio.getTag();
            if (tag == null) {
                return Tags.NONE;
            }
            return new Tags(field(tag, FieldKey.TITLE), field(tag, FieldKey.ARTIST), field(tag, FieldKey.ALBUM));
        } catch (Exception e) {
            // unsupported extension, broken headers, unreadable file: all mean "no tags" for the index
            return Tags.NONE;
        }
    }

    private static String field(Tag tag, FieldKey key) {
        try {
            String v = tag.getFirst(key);
            // RIFF INFO strings end with a NUL that jaudiotagger keeps
            return v == null ? "" : v.replace("\0", "").strip();
        } catch (RuntimeException e) { // a key the format does not have
            return "";
        }
    }
}
