package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import dev.hubcord.discordsim.voice.VoiceServer;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Close codes, resume, rejoin, a new endpoint mid-session and the XChaCha20 mode, against the simulator. */
class VoiceResilienceTest {

    @TempDir
    static Path dir;
    static Harness h;
    static String longTone;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness();
        h.startWorker("audio-1");
        longTone = h.load(Tones.sine(dir, 440, 60));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static long playing(String guild) throws Exception {
        long g = Long.parseLong(guild);
        h.request("PLAYER_JOIN", guild, Map.of("channelID", "400000000000000002"));
        h.request("PLAYER_PLAY", guild, Map.of("track", longTone));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(g).size() > 10);
        return g;
    }

    private static List<Harness.Event> closes(String guild) {
        return h.events(guild, e -> e.name().equals("VOICE_CLOSED"));
    }

    private static void awaitAudioFrom(long guild, int ssrc, int after) {
        await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(guild).stream().skip(after)
                .filter(f -> f.ssrc() == ssrc && !f.isSilence()).count() > 10);
    }

    @Test
    void a4015IsResumedOnTheSameSession() throws Exception {
        String guild = "600000000000000001";
        long g = playing(guild);
        int ssrc = h.voice.session(g).ssrc();
        h.voice.close(g, 4015);
        await().atMost(Duration.ofSeconds(5)).until(() -> !h.voice.messages(g, 7).isEmpty());
        JsonNode resume = h.voice.messages(g, 7).getFirst().d();
        assertThat(resume.path("seq_ack").asLong()).isGreaterThanOrEqualTo(2); // Ready and Session Description
        assertThat(resume.path("token").asText()).isEqualTo(h.voice.session(g).token());
        awaitAudioFrom(g, ssrc, h.frames(g).size());
        await().atMost(Duration.ofSeconds(3)).until(() -> closes(guild).size() == 1);
        JsonNode closed = closes(guild).getFirst().data();
        assertThat(closed.path("code").asInt()).isEqualTo(4015);
        assertThat(closed.path("byRemote").asBoolean()).isTrue();
        assertThat(closed.path("action").asText()).isEqualTo("resume");
        assertThat(h.voice.session(g).ssrc()).isEqualTo(ssrc);
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void aDroppedConnectionIsResumedToo() throws Exception {
        String guild = "600000000000000002";
        long g = playing(guild);
        int ssrc = h.voice.session(g).ssrc();
        h.voice.drop(g);
        await().atMost(Duration.ofSeconds(5)).until(() -> !h.voice.messages(g, 7).isEmpty());
        awaitAudioFrom(g, ssrc, h.frames(g).size());
        assertThat(closes(guild).getFirst().data().path("code").asInt()).isEqualTo(1006);
    }

    @Test
    void a4006IsRebuiltThroughAFreshGatewayOp4() throws Exception {
        String guild = "600000000000000003";
        long g = playing(guild);
        int ssrc = h.voice.session(g).ssrc();
        int op4s = h.op4s.size();
        h.voice.close(g, 4006);
        await().atMost(Duration.ofSeconds(5)).until(() -> h.op4s.size() > op4s);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(g).ssrc() != ssrc);
        awaitAudioFrom(g, h.voice.session(g).ssrc(), 0);
        assertThat(h.voice.messages(g, 0)).hasSize(2); // identified twice, never resumed
        assertThat(h.voice.messages(g, 7)).isEmpty();
        assertThat(closes(guild).getFirst().data().path("action").asText()).isEqualTo("rejoin");
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void a4014StopsForGoodAndTellsTheHub() throws Exception {
        String guild = "600000000000000004";
        long g = playing(guild);
        int op4s = h.op4s.size();
        h.voice.close(g, 4014);
        await().atMost(Duration.ofSeconds(3)).until(() -> closes(guild).size() == 1);
        assertThat(closes(guild).getFirst().data().path("action").asText()).isEqualTo("none");
        int frames = h.frames(g).size();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !h.voice.connected(g));
        assertThat(h.voice.messages(g, 0)).hasSize(1);
        assertThat(h.voice.messages(g, 7)).isEmpty();
        assertThat(h.op4s.size()).isEqualTo(op4s);
        assertThat(h.frames(g).size()).isEqualTo(frames);
    }

    @Test
    void aNewEndpointMidSessionMovesToAServerOfferingOnlyXChaCha() throws Exception {
        String guild = "600000000000000005";
        long g = playing(guild);
        try (VoiceServer other = VoiceServer.start(VoiceServerConfig.defaults().withHeartbeatIntervalMs(500)
                .withModes(List.of(VoiceServerConfig.XCHACHA)))) {
            List<ReceivedFrame> moved = new java.util.concurrent.CopyOnWriteArrayList<>();
            other.addFrameListener(moved::add);
            h.sharder.send("VOICE_SERVER_UPDATE", Map.of("guild_id", guild, "token", "moved-token",
                    "endpoint", other.endpoint()));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                assertThat(other.violations()).isEmpty();
                return moved.stream().filter(f -> !f.isSilence()).count() > 20;
            });
            assertThat(other.session(g).mode()).isEqualTo(VoiceServerConfig.XCHACHA);
            assertThat(other.session(g).token()).isEqualTo("moved-token");
            assertThat(other.violations()).isEmpty();
            await().atMost(Duration.ofSeconds(2)).until(() -> !h.voice.connected(g));
        }
    }

    @Test
    void aNullEndpointWaitsForTheNextServerUpdate() throws Exception {
        String guild = "600000000000000006";
        long g = playing(guild);
        h.sharder.send("VOICE_SERVER_UPDATE", java.util.Collections.singletonMap("guild_id", guild));
        await().atMost(Duration.ofSeconds(3)).until(() -> !h.voice.connected(g));
        int frames = h.frames(g).size();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> h.frames(g).size() <= frames + 5);
        h.sharder.send("VOICE_SERVER_UPDATE", Map.of("guild_id", guild, "token", "again", "endpoint", h.voice.endpoint()));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(g).token().equals("again")
                && h.frames(g).size() > frames + 20);
        assertThat(h.voice.violations()).isEmpty();
    }
}
