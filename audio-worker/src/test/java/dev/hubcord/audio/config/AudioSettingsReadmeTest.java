package dev.hubcord.audio.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.service.settings.Settings;
import dev.hubcord.service.settings.SettingsTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table is the one generated from {@link Setting}, and every default is allowed. */
class AudioSettingsReadmeTest {

    @Test
    void readmeTableMatchesTheDeclarations() throws Exception {
        assertThat(SettingsTable.readmeMismatch(Setting.class, Setting.FLAG_PREFIXES, Path.of("README.md"))).isNull();
    }

    @Test
    void everyDefaultIsValid() {
        for (Setting s : Setting.values()) {
            if (!s.decl().defaultValue().isEmpty()) {
                Settings.parse(s, s.decl().defaultValue(), "default");
            }
        }
    }
}
