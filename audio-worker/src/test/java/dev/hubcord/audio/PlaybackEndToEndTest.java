package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.Pcm;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tones through commands → hub → audio worker → simulated voice server, decoded back to PCM. */
class PlaybackEndToEndTest {

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

    private static void join(String guild) throws Exception {
        JsonNode r = h.request("PLAYER_JOIN", guild, Map.of("channelID", "400000000000000001"));
        assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(Long.parseLong(guild)) != null
                && h.voice.session(Long.parseLong(guild)).mode() != null);
    }

    @Test
    void aToneArrivesAsOpusThatDecodesToTheSameFrequency() throws Exception {
        String guild = "500000000000000001";
        join(guild);
        String track = h.load(Tones.sine(dir, 440, 2));
        assertThat(h.request("PLAYER_PLAY", guild, Map.of("track", track, "textChannelID", "600000000000000001"))
                .path("ok").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                h.events(guild, e -> e.name().equals("TRACK_END")).size() == 1);

        List<ReceivedFrame> frames = h.frames(Long.parseLong(guild));
        List<ReceivedFrame> audio = frames.stream().filter(f -> !f.isSilence()).toList();
        assertThat(audio.size()).as("2 s of audio is about 100 frames").isBetween(95, 102);
        short[] pcm = Pcm.decode(audio);
        assertThat(Pcm.dominant(pcm, 4800, pcm.length - 4800, 220, 330, 440, 550, 880)).isEqualTo(440);
        assertThat(Pcm.power(pcm, 4800, pcm.length - 4800, 440))
                .isGreaterThan(100 * Pcm.power(pcm, 4800, pcm.length - 4800, 660));
        await().atMost(Duration.ofSeconds(2)).until(() -> h.frames(Long.parseLong(guild)).stream()
                .filter(ReceivedFrame::isSilence).count() == 5);
        assertThat(h.voice.violations()).isEmpty();
        assertThat(h.voice.session(Long.parseLong(guild)).maxDaveVersion()).isEqualTo(1); // DAVE offered
        assertThat(h.voice.session(Long.parseLong(guild)).mode()).isEqualTo("aead_aes256_gcm_rtpsize");

        List<String> order = h.trackEvents(guild).stream().map(e -> e.name() + ":" + e.data().path("reason").asText(""))
                .toList();
        assertThat(order).containsExactly("TRACK_START:", "TRACK_END:finished");
        JsonNode start = h.events(guild, e -> e.name().equals("TRACK_START")).getFirst().data();
        assertThat(start.path("track").path("info").path("length").asLong()).isEqualTo(2000);
        assertThat(start.path("track").path("info").path("sourceName").asText()).isEqualTo("local");
        // the channel the music was started from comes back in every track event, for any commands worker to announce in
        assertThat(h.trackEvents(guild)).allSatisfy(e ->
                assertThat(e.data().path("textChannelID").asText()).isEqualTo("600000000000000001"));
    }

    @Test
    void theQueuePlaysInOrderAndRepeatModesHold() throws Exception {
        String guild = "500000000000000002";
        join(guild);
        String a = h.load(Tones.sine(dir, 330, 0.6));
        String b = h.load(Tones.sine(dir, 550, 0.6));
        String c = h.load(Tones.sine(dir, 770, 0.6));
        h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "tracks", List.of(a, b, c)));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.events(guild, e -> e.name().equals("TRACK_END")).size() == 3);
        assertThat(tonesHeard(guild)).containsExactly(330.0, 550.0, 770.0);

        // repeat queue: a, b, a, b ... ; repeat track: the same track again
        int before = h.events(guild, e -> e.name().equals("TRACK_START")).size();
        h.request("PLAYER_QUEUE", guild, Map.of("action", "repeat", "mode", "queue"));
        h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "tracks", List.of(a, b)));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                h.events(guild, e -> e.name().equals("TRACK_START")).size() >= before + 3);
        h.request("PLAYER_QUEUE", guild, Map.of("action", "repeat", "mode", "track"));
        int afterQueue = h.events(guild, e -> e.name().equals("TRACK_START")).size();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                h.events(guild, e -> e.name().equals("TRACK_START")).size() >= afterQueue + 2);
        h.request("PLAYER_QUEUE", guild, Map.of("action", "clear"));
        h.request("PLAYER_QUEUE", guild, Map.of("action", "repeat", "mode", "off"));
        h.request("PLAYER_STOP", guild, Map.of());
        List<String> titles = h.events(guild, e -> e.name().equals("TRACK_START")).stream()
                .map(e -> e.data().path("track").path("info").path("identifier").asText()).toList();
        List<String> queuePhase = titles.subList(before, before + 3);
        assertThat(queuePhase.get(0)).isNotEqualTo(queuePhase.get(1)).isEqualTo(queuePhase.get(2));
        List<String> trackPhase = titles.subList(afterQueue, afterQueue + 2);
        assertThat(trackPhase.get(0)).isEqualTo(trackPhase.get(1));
        // events alternate start/end with nothing lost
        List<String> names = h.trackEvents(guild).stream().map(Harness.Event::name).toList();
        for (int i = 0; i + 1 < names.size(); i += 2) {
            assertThat(names.subList(i, i + 2)).containsExactly("TRACK_START", "TRACK_END");
        }
        assertThat(h.voice.violations()).isEmpty();
    }

    private static List<Double> tonesHeard(String guild) {
        List<ReceivedFrame> audio = h.frames(Long.parseLong(guild)).stream().filter(f -> !f.isSilence()).toList();
        short[] pcm = Pcm.decode(audio);
        List<Double> heard = new ArrayList<>();
        for (int from = 0; from + 9600 <= pcm.length; from += 9600) {
            double hz = Pcm.dominant(pcm, from, from + 9600, 330, 550, 770);
            if (heard.isEmpty() || heard.getLast() != hz) {
                heard.add(hz);
            }
        }
        return heard;
    }

    @Test
    void pauseSendsFiveSilenceFramesThenResumeSeekAndVolumeWork() throws Exception {
        String guild = "500000000000000003";
        long g = Long.parseLong(guild);
        join(guild);
        String track = h.load(Tones.sine(dir, 440, 20));
        h.request("PLAYER_PLAY", guild, Map.of("track", track));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.frames(g).size() > 25);

        h.request("PLAYER_PAUSE", guild, Map.of("paused", true));
        await().atMost(Duration.ofSeconds(2)).until(() -> !h.frames(g).isEmpty() && h.frames(g).getLast().isSilence());
        int atPause = h.frames(g).size();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> h.frames(g).size() <= atPause + 5);
        List<ReceivedFrame> all = h.frames(g);
        assertThat(all.subList(all.size() - 5, all.size())).allMatch(ReceivedFrame::isSilence);
        assertThat(all.get(all.size() - 6).isSilence()).isFalse();

        h.request("PLAYER_PAUSE", guild, Map.of("paused", false));
        await().atMost(Duration.ofSeconds(2)).until(() -> !h.frames(g).getLast().isSilence());

        JsonNode seek = h.request("PLAYER_SEEK", guild, Map.of("position", 15_000));
        assertThat(seek.path("ok").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(3)).until(() ->
                h.snapshots.get(guild) != null && h.snapshots.get(guild).path("position").asLong() >= 15_000);

        int loudFrom = h.frames(g).size();
        await().atMost(Duration.ofSeconds(2)).until(() -> h.frames(g).size() > loudFrom + 50);
        short[] loud = Pcm.decode(h.frames(g).subList(loudFrom + 10, loudFrom + 50));
        h.request("PLAYER_VOLUME", guild, Map.of("volume", 20));
        // lavaplayer's frame buffer (1 s in the harness) still holds frames made at the old volume: look past it
        int quietFrom = h.frames(g).size();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.frames(g).size() > quietFrom + 110);
        short[] quiet = Pcm.decode(h.frames(g).subList(quietFrom + 70, quietFrom + 110));
        assertThat(Pcm.rms(quiet)).isLessThan(Pcm.rms(loud) * 0.4).isGreaterThan(0);
        assertThat(Pcm.dominant(quiet, 0, quiet.length, 330, 440, 550)).isEqualTo(440);
        h.request("PLAYER_STOP", guild, Map.of());
        await().atMost(Duration.ofSeconds(3)).until(() -> h.events(guild, e -> e.name().equals("TRACK_END")
                && e.data().path("reason").asText().equals("stopped")).size() == 1);
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void startAndEndTimesCutTheTrack() throws Exception {
        String guild = "500000000000000004";
        join(guild);
        String track = h.load(Tones.sine(dir, 440, 10));
        h.request("PLAYER_PLAY", guild, Map.of("track", Map.of("encoded", track, "startTime", 8_000, "endTime", 9_000)));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.events(guild, e -> e.name().equals("TRACK_END")).size() == 1);
        assertThat(h.events(guild, e -> e.name().equals("TRACK_END")).getFirst().data().path("reason").asText())
                .isEqualTo("finished");
        long audio = h.frames(Long.parseLong(guild)).stream().filter(f -> !f.isSilence()).count();
        assertThat(audio).as("one second between start and end time").isBetween(40L, 60L);
    }

    @Test
    void badCommandsAreRefusedWithAReason() throws Exception {
        String guild = "500000000000000005";
        assertThat(h.request("PLAYER_VOLUME", guild, Map.of("volume", 5000)).path("error").asText())
                .contains("volume");
        assertThat(h.request("PLAYER_QUEUE", guild, Map.of("action", "remove", "index", 3)).path("ok").asBoolean())
                .isFalse();
        assertThat(h.request("PLAYER_PLAY", guild, Map.of("track", "bm90IGEgdHJhY2s=")).path("ok").asBoolean()).isFalse();
        assertThat(h.request("PLAYER_QUEUE", guild, Map.of("action", "repeat", "mode", "sometimes")).path("ok")
                .asBoolean()).isFalse();
        assertThat(h.request("PLAYER_SEEK", guild, Map.of("position", 10)).path("error").asText()).contains("seekable");
        assertThat(h.request("PLAYER_JOIN", guild, Map.of("channelID", "general")).path("ok").asBoolean()).isFalse();
        JsonNode missing = h.request("LOAD_TRACKS", null, Map.of("identifier", dir.resolve("nope.wav").toString()));
        assertThat(missing.path("loadType").asText()).isIn("empty", "error");
        assertThat(h.request("LOAD_TRACKS", null, Map.of()).path("loadType").asText()).isEqualTo("error");
        // the worker is still fine
        assertThat(h.request("PLAYER_VOLUME", guild, Map.of("volume", 150)).path("player").path("volume").asInt())
                .isEqualTo(150);
    }
}
