package dev.hubcord.audio.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.filter.Filters;
import dev.hubcord.audio.filter.FiltersJson;
import dev.hubcord.protocol.codec.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayerSnapshotTest {

    @Test
    void roundTripsAndExtrapolatesThePosition() {
        PlayerSnapshot s = new PlayerSnapshot("1", new PlayerSnapshot.Entry("QUFB", 0, 9000), 4000, false, 80,
                RepeatMode.QUEUE, List.of(new PlayerSnapshot.Entry("QkJC", 1000, 0)), 10_000);
        PlayerSnapshot back = PlayerSnapshot.fromJson(s.toJson());
        assertThat(back).isEqualTo(s);
        assertThat(back.positionAt(12_500)).isEqualTo(6500);
        PlayerSnapshot paused = new PlayerSnapshot("1", s.current(), 4000, true, 80, RepeatMode.OFF, List.of(), 10_000);
        assertThat(paused.positionAt(99_000)).isEqualTo(4000);
    }

    @Test
    void filtersTravelInTheSnapshotAndBadOnesAreDroppedAlone() throws Exception {
        Filters f = FiltersJson.parse(Json.mapper().readTree("{\"volume\": 0.5, \"karaoke\": {}}"));
        PlayerSnapshot s = new PlayerSnapshot("1", null, 0, false, 100, RepeatMode.OFF, List.of(), 10_000, f);
        assertThat(s.toJson().path("filters").path("karaoke").path("filterBand").asDouble()).isEqualTo(220);
        assertThat(PlayerSnapshot.fromJson(s.toJson())).isEqualTo(s);
        ObjectNode bad = s.toJson().put("volume", 70);
        bad.set("filters", Json.mapper().readTree("{\"volume\": 99}"));
        PlayerSnapshot kept = PlayerSnapshot.fromJson(bad);
        assertThat(kept.filters()).isEqualTo(Filters.NONE);
        assertThat(kept.volume()).isEqualTo(70);
        assertThat(PlayerSnapshot.fromJson(Json.mapper().readTree("{\"time\": 1}")).filters()).isEqualTo(Filters.NONE);
    }

    @Test
    void theCrossfadeTravelsInTheSnapshotAndIsUnsetWhenAbsentOrBad() throws Exception {
        PlayerSnapshot s = new PlayerSnapshot("1", null, 0, false, 100, RepeatMode.OFF, List.of(), 10_000, Filters.NONE,
                3000);
        assertThat(s.toJson().path("crossfadeMs").asInt()).isEqualTo(3000);
        assertThat(PlayerSnapshot.fromJson(s.toJson())).isEqualTo(s);
        assertThat(PlayerSnapshot.fromJson(Json.mapper().readTree("{\"time\": 1}")).crossfadeMs()).isEqualTo(-1);
        ObjectNode bad = s.toJson().put("crossfadeMs", 99_000).put("volume", 70);
        PlayerSnapshot kept = PlayerSnapshot.fromJson(bad);
        assertThat(kept.crossfadeMs()).isEqualTo(-1);
        assertThat(kept.volume()).isEqualTo(70);
        assertThat(PlayerSnapshot.fromJson(s.toJson().put("crossfadeMs", "long")).crossfadeMs()).isEqualTo(-1);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> PlayerSnapshot.fromJson(Json.mapper().readTree("[1]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayerSnapshot.fromJson(Json.mapper().readTree("{\"time\":1,\"queue\":[{\"x\":1}]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayerSnapshot.fromJson(Json.mapper().readTree("{\"time\":1,\"repeat\":\"often\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueuedTrack(null, "x", 5000, 1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
