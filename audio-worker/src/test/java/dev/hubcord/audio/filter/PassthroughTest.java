package dev.hubcord.audio.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.audio.testing.OggOpus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Opus source goes out undecoded (the file's packets byte for byte) while no filter is set, is decoded, filtered
 * and encoded again while one is, and goes back to passthrough when it is removed, all within one track.
 */
class PassthroughTest {

    @TempDir
    Path dir;

    @Test
    void opusIsPassedThroughUnlessAFilterIsActive() throws Exception {
        OggOpus.File file = OggOpus.sine(dir, 440, 2);
        List<byte[]> plain = Playback.opus(file.path(), Filters.NONE, (i, p) -> { });
        assertThat(plain).hasSize(100);
        assertThat(IntStream.range(0, 100).allMatch(i -> Arrays.equals(plain.get(i), file.packets().get(i))))
                .as("every frame is the file's packet").isTrue();

        FilterFactory lowPass = new FilterFactory(FilterPcmTest.filters("{\"lowPass\": {}}"));
        List<byte[]> switched = Playback.opus(file.path(), Filters.NONE, (i, player) -> {
            if (i == 30) {
                player.setFilterFactory(lowPass);
            } else if (i == 70) {
                player.setFilterFactory(null);
            }
        });
        assertThat(switched).as("no frame lost or added by the switches").hasSize(100);
        // lavaplayer's buffer (200 ms = 10 frames here) runs ahead of the frames taken
        assertThat(IntStream.range(0, 30).allMatch(i -> Arrays.equals(switched.get(i), file.packets().get(i))))
                .isTrue();
        assertThat(IntStream.range(45, 70).noneMatch(i -> Arrays.equals(switched.get(i), file.packets().get(i))))
                .as("filtered frames are encoded afresh").isTrue();
        assertThat(IntStream.range(85, 100).allMatch(i -> Arrays.equals(switched.get(i), file.packets().get(i))))
                .as("passthrough again").isTrue();
    }
}
