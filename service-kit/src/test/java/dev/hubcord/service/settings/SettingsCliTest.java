package dev.hubcord.service.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsCliTest {

    private final SettingsCli<DemoSetting> cli = new SettingsCli<>("demo", "A demo.", DemoSetting.class,
            List.of("DEMO_"), "DEMO_CONFIG");

    @Test
    void flagsComeFromTheNamesOrTheDeclaration() {
        SettingsCli.Parsed parsed = cli.parse(new String[] {"--port", "9", "--fast", "--label=y", "--config", "f.properties"});
        assertThat(parsed.flags()).containsEntry("DEMO_PORT", "9").containsEntry("DEMO_FAST", "true")
                .containsEntry("OTHER_LABEL", "y");
        assertThat(parsed.configFile()).isEqualTo("f.properties");
        assertThat(cli.parse(new String[] {"--fast=false"}).flags()).containsEntry("DEMO_FAST", "false");
    }

    @Test
    void aBadFlagValueIsOneLineNamingTheSetting() {
        assertThatThrownBy(() -> cli.parse(new String[] {"--timeout-ms", "5"}))
                .isInstanceOf(SettingException.class)
                .hasMessage("invalid DEMO_TIMEOUT_MS='5' (from flag DEMO_TIMEOUT_MS): allowed 100..60000");
        assertThatThrownBy(() -> cli.parse(new String[] {"--nope"}))
                .hasMessageContaining("--nope").hasMessageNotContaining("\n");
    }

    @Test
    void helpShowsKeysDefaultsAndUnitsButNoSecretValue() {
        String usage = cli.usage();
        assertThat(usage).contains("--timeout-ms=<100..60000>", "[DEMO_TIMEOUT_MS, default 5000 ms]",
                "--secret=<secret>", "DEMO_SECRET; prefer the environment", "--mode=<auto|nio|io_uring>", "--config=<file>");
    }

    @Test
    void readmeTableIsGeneratedFromTheDeclarations() {
        String table = SettingsTable.markdown(DemoSetting.class, List.of("DEMO_"));
        assertThat(table).contains("| `DEMO_TIMEOUT_MS` | `--timeout-ms` | `5000` ms | 100..65535".replace("65535", "60000"))
                .contains("| `DEMO_SECRET` | `--secret` | required | secret | the secret |")
                .contains("| `DEMO_MODE` | `--mode` | `auto` | auto\\|nio\\|io_uring | transport \\| mode |");
        String readme = "# x\n" + SettingsTable.BEGIN + "\n\n" + table + "\n" + SettingsTable.END + "\nmore";
        assertThat(SettingsTable.between(readme)).isEqualTo(table);
        assertThat(SettingsTable.between("no markers")).isNull();
    }
}
