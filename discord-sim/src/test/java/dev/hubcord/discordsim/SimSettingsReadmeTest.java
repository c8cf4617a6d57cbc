package dev.hubcord.discordsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.service.settings.Layer;
import dev.hubcord.service.settings.Settings;
import dev.hubcord.service.settings.SettingsTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's flag table is the one generated from {@link SimSetting}; unset settings keep the config's values. */
class SimSettingsReadmeTest {

    @Test
    void readmeTableMatchesTheDeclarations() throws Exception {
        assertThat(SettingsTable.readmeMismatch(SimSetting.class, SimSetting.FLAG_PREFIXES, Path.of("README.md"))).isNull();
    }

    @Test
    void flagsOverrideTheDefaultsOnlyWhenGiven() {
        SimConfig none = DiscordSimMain.configure(Settings.resolve(SimSetting.class, List.of()));
        assertThat(none.population().guilds()).isEqualTo(SimConfig.defaults().population().guilds());
        SimConfig some = DiscordSimMain.configure(Settings.resolve(SimSetting.class,
                List.of(new Layer("flags", Map.of("SIM_GUILDS", "3", "SIM_TOKEN", "t")))));
        assertThat(some.population().guilds()).isEqualTo(3);
        assertThat(some.token()).isEqualTo("t");
    }
}
