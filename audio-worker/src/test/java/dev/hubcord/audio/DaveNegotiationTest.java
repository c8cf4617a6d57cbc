package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.RecordingDave;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.audio.voice.DaveSession;
import dev.hubcord.discordsim.voice.SimulatedListener;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the simulated voice server's DAVE setting does to a worker with and without DAVE. */
class DaveNegotiationTest {

    @TempDir
    Path dir;

    @Test
    void aWorkerWithoutDaveIsClosedWith4017ByADaveRequiringServer() throws Exception {
        try (Harness h = new Harness()) {
            h.startWorker("audio-no-dave", DaveSession.PASSTHROUGH);
            String guild = "710000000000000011";
            h.request("PLAYER_JOIN", guild, Map.of("channelID", "711000000000000011"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !h.events(guild, e -> e.name().equals("VOICE_CLOSED"))
                    .isEmpty());
            JsonNode closed = h.events(guild, e -> e.name().equals("VOICE_CLOSED")).getFirst().data();
            assertThat(closed.path("code").asInt()).isEqualTo(4017);
            assertThat(closed.path("action").asText()).isEqualTo("none");
            assertThat(h.voice.messages(Long.parseLong(guild), 0).getFirst().d()
                    .path("max_dave_protocol_version").asInt()).isZero();
            assertThat(h.voice.messages(Long.parseLong(guild), 1)).as("no select protocol after 4017").isEmpty();
        }
    }

    @Test
    void onAServerWithoutDaveFramesPassThroughToListeners() throws Exception {
        RecordingDave dave = new RecordingDave();
        try (Harness h = new Harness(Map.of(),
                VoiceServerConfig.defaults().withHeartbeatIntervalMs(500).withDaveProtocolVersion(0))) {
            h.startWorker("audio-dave-0", dave);
            String guild = "710000000000000012";
            long g = Long.parseLong(guild);
            h.request("PLAYER_JOIN", guild, Map.of("channelID", "711000000000000012"));
            h.request("PLAYER_PLAY", guild, Map.of("track", h.load(Tones.sine(dir, 440, 30))));
            SimulatedListener l = h.voice.addListener(g, 712000000000000012L);
            await().atMost(Duration.ofSeconds(10)).until(() -> l.decrypted().size() > 30);
            assertThat(h.voice.messages(g, 0).getFirst().d().path("max_dave_protocol_version").asInt()).isEqualTo(1);
            assertThat(h.voice.messages(g, 26)).as("no key package at version 0").isEmpty();
            List<SimulatedListener.Decrypted> frames = l.decrypted();
            for (SimulatedListener.Decrypted d : frames) {
                assertThat(d.opus()).isEqualTo(d.received()).isEqualTo(dave.inputFor(d.received()));
            }
            assertThat(l.failures()).isEmpty();
            assertThat(h.voice.violations()).isEmpty();
        }
    }
}
