package dev.hubcord.audio.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.protocol.codec.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FiltersJsonTest {

    private static Filters parse(String json) throws Exception {
        return FiltersJson.parse(Json.mapper().readTree(json));
    }

    @Test
    void lavalinksObjectRoundTripsWithDefaultsFilledIn() throws Exception {
        Filters f = parse("""
                {"volume": 0.8, "equalizer": [{"band": 0, "gain": 0.2}, {"band": 14, "gain": -0.25}],
                 "karaoke": {}, "timescale": {"speed": 1.2}, "tremolo": {"depth": 0.9}, "vibrato": null,
                 "rotation": {"rotationHz": 0.2}, "distortion": {"scale": 2}, "channelMix": {"leftToRight": 0.5},
                 "lowPass": {}, "pluginFilters": {}}""");
        assertThat(f.karaoke()).isEqualTo(new Filters.Karaoke(1, 1, 220, 100));
        assertThat(f.timescale()).isEqualTo(new Filters.Timescale(1.2, 1, 1));
        assertThat(f.tremolo()).isEqualTo(new Filters.Tremolo(2, 0.9));
        assertThat(f.vibrato()).isNull();
        assertThat(f.lowPass().smoothing()).isEqualTo(20);
        assertThat(f.gains()[14]).isEqualTo(-0.25f);
        assertThat(f.active()).isTrue();
        assertThat(FiltersJson.parse(FiltersJson.toJson(f))).isEqualTo(f);
        assertThat(FiltersJson.toJson(Filters.NONE).toString()).isEqualTo("{}");
    }

    @Test
    void defaultsAloneChangeNothingSoOpusStaysPassedThrough() throws Exception {
        assertThat(parse("{}").active()).isFalse();
        assertThat(parse("null").active()).isFalse();
        assertThat(parse("""
                {"volume": 1.0, "equalizer": [{"band": 3, "gain": 0}], "timescale": {}, "rotation": {},
                 "distortion": {}, "channelMix": {}, "lowPass": {"smoothing": 1}}""").active()).isFalse();
        assertThat(parse("{\"tremolo\": {}}").active()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"volume\": 5.1}",
        "{\"volume\": \"loud\"}",
        "{\"equalizer\": [{\"band\": 15, \"gain\": 0}]}",
        "{\"equalizer\": [{\"band\": 1, \"gain\": 1.5}]}",
        "{\"equalizer\": {\"band\": 1}}",
        "{\"karaoke\": {\"level\": 2}}",
        "{\"timescale\": {\"speed\": 0}}",
        "{\"timescale\": {\"pitch\": 11}}",
        "{\"tremolo\": {\"depth\": 0}}",
        "{\"vibrato\": {\"frequency\": 15}}",
        "{\"channelMix\": {\"leftToLeft\": -0.1}}",
        "{\"lowPass\": 20}",
        "{\"bassBoost\": {}}"
    })
    void badValuesAreRefusedWithTheFieldNamed(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filters");
    }

    @Test
    void theMessageSaysTheRange() {
        assertThatThrownBy(() -> parse("{\"timescale\": {\"speed\": 0}}"))
                .hasMessage("filters.timescale.speed must be a number from 0.1 to 10");
    }
}
