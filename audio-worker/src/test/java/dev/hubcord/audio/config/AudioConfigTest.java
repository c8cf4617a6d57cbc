package dev.hubcord.audio.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.audio.AudioException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioConfigTest {

    @Test
    void layersResolveFlagsOverEnvironmentOverFile() {
        AudioConfig c = AudioConfig.resolve(Map.of("HUB_SECRET", "file", "AUDIO_NAME", "from-file"),
                Map.of("HUB_SECRET", "env"), Map.of("AUDIO_SOURCES", "local, http", "AUDIO_LOCAL_FILES", "yes"));
        assertThat(c.hubSecret()).isEqualTo("env");
        assertThat(c.name()).isEqualTo("from-file");
        assertThat(c.sources()).containsExactly("local", "http");
        assertThat(c.localFiles()).isTrue();
        assertThat(c.voiceTls()).isTrue();
        assertThat(c.toString()).doesNotContain("env");
        assertThat(c.search()).containsExactly("libsearch", "scsearch");
        assertThat(c.library().enabled()).isFalse();
    }

    @Test
    void searchAndLibrarySettings() {
        AudioConfig c = AudioConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "AUDIO_SEARCH", "ScSearch, libsearch",
                "AUDIO_LIBRARY_DIR", "/srv/music", "AUDIO_LIBRARY_MAX_FILES", "50", "AUDIO_LIBRARY_RESCAN_S", "0"));
        assertThat(c.search()).containsExactly("scsearch", "libsearch");
        assertThat(c.library()).isEqualTo(new LibraryConfig(Path.of("/srv/music"), 50, 0));
        assertThatThrownBy(() -> AudioConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "AUDIO_SEARCH", "ytsearch")))
                .hasMessageContaining("AUDIO_SEARCH").hasMessageContaining("ytsearch");
        assertThatThrownBy(() -> AudioConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "AUDIO_LIBRARY_MAX_FILES", "0")))
                .hasMessageContaining("AUDIO_LIBRARY_MAX_FILES");
    }

    @Test
    void badSettingsAreRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> AudioConfig.resolve(Map.of(), Map.of(), Map.of()))
                .isInstanceOf(AudioException.class).hasMessageContaining("HUB_SECRET");
        assertThatThrownBy(() -> AudioConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "AUDIO_SOURCES", "youtube")))
                .hasMessageContaining("youtube");
        assertThatThrownBy(() -> AudioConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "AUDIO_OPUS_QUALITY", "11")))
                .hasMessageContaining("AUDIO_OPUS_QUALITY");
        assertThatThrownBy(() -> AudioConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "HUB_URL", "http://x")))
                .hasMessageContaining("HUB_URL");
        assertThatThrownBy(() -> AudioConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "AUDIO_VOICE_TLS", "maybe")))
                .hasMessageContaining("AUDIO_VOICE_TLS");
    }
}
