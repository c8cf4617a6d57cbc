package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.Pcm;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import dev.hubcord.protocol.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters through commands → hub → audio worker → the simulated voice server, decoded back to PCM. */
class FilterEndToEndTest {

    @TempDir
    static Path dir;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness();
        h.startWorker("audio-1");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void filtersChangeWhatTheListenerHearsWithoutAGap() throws Exception {
        String guild = "510000000000000001";
        long g = Long.parseLong(guild);
        assertThat(h.request("PLAYER_JOIN", guild, Map.of("channelID", "410000000000000001")).path("ok").asBoolean())
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> h.voice.session(g) != null && h.voice.session(g).mode() != null);
        String track = h.load(Tones.sine(dir, 440, 8));
        JsonNode played = h.request("PLAYER_PLAY", guild, Map.of("track", track,
                "filters", Json.mapper().readTree("{\"timescale\": {\"pitch\": 2.0}}")));
        assertThat(played.path("ok").asBoolean()).as(played.toString()).isTrue();
        assertThat(played.path("player").path("filters").path("timescale").path("pitch").asDouble()).isEqualTo(2.0);

        await().atMost(Duration.ofSeconds(10)).until(() -> audio(g).size() >= 150); // 3 s at pitch 2
        JsonNode cleared = h.request("PLAYER_FILTERS", guild, Map.of("filters", Map.of()));
        assertThat(cleared.path("player").path("filters").size()).isZero();
        JsonNode bad = h.request("PLAYER_FILTERS", guild, Map.of("filters", Map.of("volume", 9)));
        assertThat(bad.path("ok").asBoolean()).isFalse();
        assertThat(bad.path("error").asText()).isEqualTo("PLAYER_FILTERS: filters.volume must be a number from 0 to 5");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> h.events(guild, e -> e.name().equals("TRACK_END")).size() == 1);

        List<ReceivedFrame> audio = audio(g);
        short[] pcm = Pcm.decode(audio);
        assertThat(Pcm.dominant(pcm, 9600, 9600 * 10, 440, 880)).as("first 2 s: pitch 2").isEqualTo(880);
        assertThat(Pcm.dominant(pcm, pcm.length - 9600 * 10, pcm.length - 9600, 440, 880)).as("last 2 s: none")
                .isEqualTo(440);
        // no gap: every RTP packet in sequence, and 50 a second for as long as the track played
        for (int i = 1; i < audio.size(); i++) {
            assertThat((audio.get(i).sequence() - audio.get(i - 1).sequence()) & 0xFFFF).isEqualTo(1);
        }
        long first = audio.getFirst().receivedNanos();
        for (int second = 1; second < 7; second++) {
            long from = first + second * 1_000_000_000L;
            long count = audio.stream()
                    .filter(f -> f.receivedNanos() >= from && f.receivedNanos() < from + 1_000_000_000L).count();
            // 50 a second; the sender may catch a short stall up in a burst, so a second boundary can split one
            assertThat(count).as("frames in second %d", second).isBetween(45L, 55L);
        }
        assertThat(audio.size()).as("8 s of audio").isBetween(395, 402);
        assertThat(h.voice.violations()).isEmpty();
    }

    private static List<ReceivedFrame> audio(long guild) {
        return h.frames(guild).stream().filter(f -> !f.isSilence()).toList();
    }
}
