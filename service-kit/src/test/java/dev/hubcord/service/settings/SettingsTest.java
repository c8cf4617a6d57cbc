package dev.hubcord.service.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Map<String, String> SECRET = Map.of("DEMO_SECRET", "s3cret");

    private static Settings<DemoSetting> resolve(Map<String, String> file, Map<String, String> env,
            Map<String, String> flags) {
        return Settings.resolve(DemoSetting.class, List.of(new Layer("--config f", file), new Layer("environment", env),
                new Layer("flags", flags)));
    }

    @Test
    void defaultsAreTypedValues() {
        Settings<DemoSetting> s = resolve(Map.of(), SECRET, Map.of());
        assertThat(s.integer(DemoSetting.DEMO_PORT)).isEqualTo(8080);
        assertThat(s.whole(DemoSetting.DEMO_TIMEOUT_MS)).isEqualTo(5000L);
        assertThat(s.bool(DemoSetting.DEMO_FAST)).isFalse();
        assertThat(s.text(DemoSetting.DEMO_MODE)).isEqualTo("auto");
        assertThat(s.uri(DemoSetting.DEMO_URL)).isEqualTo(URI.create("ws://127.0.0.1:1/ws"));
        assertThat(s.items(DemoSetting.DEMO_NAMES)).containsExactly("a", "b");
        assertThat(s.isSet(DemoSetting.DEMO_PORT)).isFalse();
    }

    @Test
    void fileThenEnvironmentThenFlagsLaterWinningAndBlankIgnored() {
        Settings<DemoSetting> s = resolve(Map.of("DEMO_PORT", "1", "DEMO_TIMEOUT_MS", "200", "DEMO_MODE", "nio"),
                Map.of("DEMO_SECRET", "x", "DEMO_PORT", "2", "DEMO_TIMEOUT_MS", "300", "DEMO_MODE", " "),
                Map.of("DEMO_PORT", "3"));
        assertThat(s.integer(DemoSetting.DEMO_PORT)).isEqualTo(3);
        assertThat(s.whole(DemoSetting.DEMO_TIMEOUT_MS)).isEqualTo(300);
        assertThat(s.text(DemoSetting.DEMO_MODE)).isEqualTo("nio");
        assertThat(s.isSet(DemoSetting.DEMO_PORT)).isTrue();
    }

    @Test
    void badValueNamesSettingValueSourceAndWhatIsAllowed() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("DEMO_SECRET", "x", "DEMO_PORT", "70000"), Map.of()))
                .isInstanceOf(SettingException.class)
                .hasMessage("invalid DEMO_PORT='70000' (from environment): allowed 0..65535");
        assertThatThrownBy(() -> resolve(Map.of("DEMO_MODE", "epoll"), SECRET, Map.of()))
                .hasMessage("invalid DEMO_MODE='epoll' (from --config f): allowed auto|nio|io_uring");
        assertThatThrownBy(() -> resolve(Map.of(), SECRET, Map.of("DEMO_URL", "http://h/")))
                .hasMessage("invalid DEMO_URL='http://h/' (from flags): allowed ws/wss URL");
        assertThatThrownBy(() -> resolve(Map.of(), SECRET, Map.of("DEMO_FAST", "maybe")))
                .hasMessage("invalid DEMO_FAST='maybe' (from flags): allowed true|false");
    }

    @Test
    void requiredSecretIsRequiredAndNeverShown() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Map.of()))
                .hasMessage("DEMO_SECRET is required (text)");
        Settings<DemoSetting> s = resolve(Map.of(), SECRET, Map.of());
        assertThat(s.text(DemoSetting.DEMO_SECRET)).isEqualTo("s3cret");
        assertThat(s.toString()).contains("DEMO_SECRET=<hidden>").doesNotContain("s3cret");
    }

    @Test
    void everyDefaultIsAllowedByItsOwnType() {
        for (DemoSetting key : DemoSetting.values()) {
            if (!key.decl().defaultValue().isEmpty()) {
                Settings.parse(key, key.decl().defaultValue(), "default");
            }
        }
    }
}
