package dev.hubcord.audio;

import static dev.hubcord.audio.testing.LavalinkTestClient.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.LavalinkTestClient;
import dev.hubcord.audio.testing.Tones;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Lavalink client's player survives its audio worker: the worker goes away mid-track, another takes the guild
 * (the hub's takeover, plus the client's voice sent again by the hub), and the client sees the track play on from
 * where it stood with its volume, filters and pause state, and no WebSocketClosedEvent. The killed-process variant
 * is {@code LavalinkFailoverIT} in system-tests.
 */
class LavalinkFailoverTest {

    private static final String GUILD = "700000000000000043";
    private static final long G = Long.parseLong(GUILD);
    private static final String CHANNEL = "400000000000000043";

    @TempDir
    Path dir;

    @Test
    void thePlayerMovesWithPositionVolumeFiltersAndPauseAndTheClientSeesNoClose() throws Exception {
        try (Harness h = new Harness(); LavalinkTestClient c = new LavalinkTestClient(h.hub.port(), Harness.SECRET)) {
            AudioWorker first = h.startWorker("audio-a");
            c.connect(Harness.BOT_ID, null);
            String tone = c.call("GET", "/v4/loadtracks?identifier=" + Tones.sine(dir, 440, 60), null).json()
                    .path("data").path("encoded").asText();
            h.voice.assignChannel(G, Long.parseLong(CHANNEL));
            assertThat(c.patchPlayer(GUILD, "{\"voice\": {\"token\": \"t1\", \"endpoint\": \"" + h.endpoint.get()
                    + "\", \"sessionId\": \"s1\", \"channelId\": \"" + CHANNEL + "\"}, \"track\": {\"encoded\": \""
                    + tone + "\"}, \"volume\": 70, \"filters\": {\"timescale\": {\"pitch\": 1.25}}}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(G) != null
                    && h.frames(G).stream().filter(f -> !f.isSilence()).count() > 100);
            int ssrcA = h.voice.session(G).ssrc();
            AudioWorker second = h.startWorker("audio-b");
            JsonNode before = c.call("GET", "/v4/sessions/" + c.sessionId + "/players/" + GUILD, null).json();
            long positionBefore = before.path("state").path("position").asLong();
            assertThat(positionBefore).isGreaterThan(1000);

            int seen = c.ops.size();
            long killedAt = System.nanoTime();
            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(G) != null
                    && h.voice.session(G).ssrc() != ssrcA
                    && h.frames(G).stream().filter(f -> f.ssrc() != ssrcA && !f.isSilence()).count() > 10);
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(10));
            JsonNode update = c.await(seen, op -> op.path("op").asText().equals("playerUpdate")
                    && op.path("state").path("connected").asBoolean(), Duration.ofSeconds(10));
            assertThat(update.path("state").path("position").asLong()).as("on from where it stood")
                    .isGreaterThanOrEqualTo(positionBefore);
            JsonNode after = c.call("GET", "/v4/sessions/" + c.sessionId + "/players/" + GUILD, null).json();
            assertThat(after.path("volume").asInt()).isEqualTo(70);
            assertThat(after.path("filters").path("timescale").path("pitch").asDouble()).isEqualTo(1.25);
            assertThat(after.path("track").path("info").path("length").asLong()).isEqualTo(60_000);

            // paused, then the second worker goes too: the third one keeps it paused at the same place
            h.startWorker("audio-c");
            long pausedAt = c.patchPlayer(GUILD, "{\"paused\": true}").json().path("state").path("position").asLong();
            int ssrcB = h.voice.session(G).ssrc();
            second.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(G) != null
                    && h.voice.session(G).ssrc() != ssrcB);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                JsonNode p = c.call("GET", "/v4/sessions/" + c.sessionId + "/players/" + GUILD, null).json();
                return p.path("paused").asBoolean() && p.path("state").path("connected").asBoolean();
            });
            JsonNode paused = c.call("GET", "/v4/sessions/" + c.sessionId + "/players/" + GUILD, null).json();
            assertThat(paused.path("state").path("position").asLong()).isBetween(pausedAt - 100, pausedAt + 1000);
            assertThat(paused.path("volume").asInt()).isEqualTo(70);
            assertThat(c.ops).noneMatch(event("WebSocketClosedEvent"));
            assertThat(c.ops).noneMatch(event("TrackEndEvent"));
            assertThat(c.ops.stream().filter(event("TrackStartEvent"))).as("a move is not a new track").hasSize(1);
            assertThat(h.voice.violations()).isEmpty();
        }
    }
}
