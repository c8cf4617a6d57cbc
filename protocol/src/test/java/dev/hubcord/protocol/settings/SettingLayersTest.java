package dev.hubcord.protocol.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingLayersTest {

    enum Key {
        PORT, DEMO, NAME;

        String defaultValue() {
            return switch (this) {
                case PORT -> "3282";
                case DEMO -> "false";
                case NAME -> "";
            };
        }
    }

    private static SettingLayers<Key> resolve(Map<String, String> file, Map<String, String> env,
            Map<String, String> flags) {
        return SettingLayers.resolve(Key.class, Key::defaultValue, IllegalStateException::new, List.of(file, env, flags));
    }

    @Test
    void laterLayersWinBlankValuesDoNotAndValuesAreTrimmed() {
        SettingLayers<Key> s = resolve(Map.of("PORT", "1", "NAME", "file"), Map.of("PORT", " 2 ", "NAME", "  "),
                Map.of("OTHER", "x"));
        assertThat(s.integer(Key.PORT, 0, 65535)).isEqualTo(2);
        assertThat(s.get(Key.NAME)).as("a blank layer leaves the earlier value").isEqualTo("file");
        assertThat(s.bool(Key.DEMO)).as("the default").isFalse();
        assertThat(s.values()).containsOnlyKeys(Key.values());
        assertThat(resolve(Map.of(), Map.of(), Map.of("PORT", "3")).integer(Key.PORT, 0, 9)).isEqualTo(3);
    }

    @Test
    void badValuesNameTheKeyTheRangeAndTheValue() {
        SettingLayers<Key> s = resolve(Map.of(), Map.of("PORT", "70000", "DEMO", "maybe"), Map.of("NAME", "x1"));
        assertThatThrownBy(() -> s.integer(Key.PORT, 0, 65535)).isInstanceOf(IllegalStateException.class)
                .hasMessage("PORT must be between 0 and 65535, got 70000");
        assertThatThrownBy(() -> s.integer(Key.NAME, 0, 1)).hasMessage("NAME must be a whole number, got 'x1'");
        assertThatThrownBy(() -> s.bool(Key.DEMO)).hasMessage("DEMO must be true or false, got 'maybe'");
        assertThat(resolve(Map.of(), Map.of("DEMO", "YES"), Map.of()).bool(Key.DEMO)).isTrue();
        assertThat(resolve(Map.of("PORT", "5000000000"), Map.of(), Map.of()).longInteger(Key.PORT, 0, 10_000_000_000L))
                .isEqualTo(5_000_000_000L);
    }
}
