package dev.hubcord.audio.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.config.LibraryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's scan (tags, file-name fallback, unplayable files, cap, rescans) and its search ranking. */
class LibraryIndexTest {

    @TempDir
    Path dir;

    private static Path wav(Path dir, String name, String title, String artist, String album) throws Exception {
        return WavWriter.write(dir.resolve(name), 0.2, WavWriter.sine(440), title, artist, album);
    }

    private LibraryAudioSourceManager library(int maxFiles) {
        return new LibraryAudioSourceManager(new LibraryConfig(dir, maxFiles, 0));
    }

    private static List<String> titles(List<LibraryEntry> entries) {
        return entries.stream().map(LibraryEntry::title).toList();
    }

    @Test
    void indexesTagsAndNamesUntaggedFilesAfterTheFile() throws Exception {
        wav(dir, "one.wav", "Blue Monday", "New Order", "Power, Corruption & Lies");
        Files.createDirectories(dir.resolve("sub/deeper"));
        wav(dir.resolve("sub/deeper"), "02 Bare Tune.wav", null, null, null);
        Files.writeString(dir.resolve("notes.txt"), "not music");
        Files.writeString(dir.resolve("broken.mp3"), "not an mp3 either, although it says so");

        LibraryAudioSourceManager library = library(100);
        List<LibraryEntry> all = library.index().search("blue", 10);
        assertThat(all).hasSize(1);
        LibraryEntry tagged = all.getFirst();
        assertThat(tagged.title()).isEqualTo("Blue Monday");
        assertThat(tagged.artist()).isEqualTo("New Order");
        assertThat(tagged.album()).isEqualTo("Power, Corruption & Lies");
        assertThat(tagged.lengthMs()).isEqualTo(200);
        assertThat(tagged.path()).isEqualTo(dir.toRealPath().resolve("one.wav"));

        LibraryEntry bare = library.index().search("bare", 10).getFirst();
        assertThat(bare.title()).isEqualTo("02 Bare Tune");
        assertThat(bare.artist()).isEmpty();
        assertThat(bare.album()).isEmpty();
        assertThat(library.index().size()).as("text and broken files are left out").isEqualTo(2);
        library.shutdown();
    }

    @Test
    void everyWordMustMatchAndTitlesOutrankArtistsAndAlbums() throws Exception {
        wav(dir, "a.wav", "Night Drive", "Kavinsky", "OutRun");
        wav(dir, "b.wav", "Drive", "The Cars", "Heartbeat City");
        wav(dir, "c.wav", "Nightcall", "Kavinsky", "Nightcall EP");
        wav(dir, "d.wav", "Overdrive", "Someone", "Night Drives");
        wav(dir, "e.wav", "Café del Mar", "Energy 52", "Drive Time");
        LibraryIndex index = library(100).index();

        assertThat(titles(index.search("drive", 10)))
                .as("the exact title, a whole title word, a whole album word, a part of a title word")
                .containsExactly("Drive", "Night Drive", "Café del Mar", "Overdrive");
        assertThat(titles(index.search("KAVINSKY night", 10))).containsExactly("Night Drive", "Nightcall");
        assertThat(titles(index.search("night drive", 10))).first().isEqualTo("Night Drive");
        assertThat(titles(index.search("cafe", 10))).as("accents ignored").containsExactly("Café del Mar");
        assertThat(index.search("kavinsky cars", 10)).as("every word must match").isEmpty();
        assertThat(index.search("  ", 10)).isEmpty();
        assertThat(index.search("night", 1)).hasSize(1);
    }

    @Test
    void stopsAtTheCapAndRescansPickUpChanges() throws Exception {
        for (int i = 0; i < 5; i++) {
            wav(dir, "song" + i + ".wav", "Song " + i, "Band", "");
        }
        LibraryAudioSourceManager capped = library(3);
        assertThat(capped.index().size()).isEqualTo(3);
        assertThat(capped.index().search("song", 10)).hasSize(3);

        LibraryAudioSourceManager library = library(100);
        assertThat(library.index().size()).isEqualTo(5);
        LibraryEntry before = library.index().search("song 0", 1).getFirst();
        Files.delete(dir.resolve("song4.wav"));
        wav(dir, "new.wav", "Brand New", "Band", "");
        library.rescan();
        assertThat(library.index().size()).isEqualTo(5);
        assertThat(titles(library.index().search("brand", 10))).containsExactly("Brand New");
        assertThat(library.index().search("song 4", 10)).isEmpty();
        assertThat(library.index().search("song 0", 1).getFirst()).as("an unchanged file is not read again")
                .isSameAs(before);
    }

    @Test
    void aMissingDirectoryIsAConfigurationError() {
        assertThatThrownBy(() -> new LibraryAudioSourceManager(new LibraryConfig(dir.resolve("nope"), 10, 0)))
                .isInstanceOf(AudioException.class).hasMessageContaining("AUDIO_LIBRARY_DIR");
    }
}
