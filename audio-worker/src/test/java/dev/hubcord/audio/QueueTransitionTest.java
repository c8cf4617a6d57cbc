package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.OggOpus;
import dev.hubcord.audio.testing.Pcm;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the listener gets where one queued track follows another: the frame sequence the simulated voice server
 * received, by count and by time.
 */
class QueueTransitionTest {

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

    static void join(String guild) throws Exception {
        long g = Long.parseLong(guild);
        JsonNode r = h.request("PLAYER_JOIN", guild, Map.of("channelID", "420000000000000001"));
        assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(g) != null && h.voice.session(g).mode() != null);
    }

    /** The frames from the first audio frame to the last one, silence frames in between included. */
    static List<ReceivedFrame> played(long guild) {
        List<ReceivedFrame> all = h.frames(guild);
        int first = 0;
        while (first < all.size() && all.get(first).isSilence()) {
            first++;
        }
        int last = all.size() - 1;
        while (last >= first && all.get(last).isSilence()) {
            last--;
        }
        return all.subList(first, last + 1);
    }

    @Test
    void aQueuedTrackFollowsWithoutAGap() throws Exception {
        String guild = "520000000000000001";
        long g = Long.parseLong(guild);
        join(guild);
        // 3 s, so that the second track (prepared 3 s before the end, here at once) has time to load on a busy machine
        String a = h.load(Tones.sine(dir, 440, 3));
        String b = h.load(Tones.sine(dir, 660, 1));
        h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "tracks", List.of(a, b)));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.events(guild, e -> e.name().equals("TRACK_END")).size() == 2);

        List<ReceivedFrame> played = played(g);
        long silence = played.stream().filter(ReceivedFrame::isSilence).count();
        long spanMs = (played.getLast().receivedNanos() - played.getFirst().receivedNanos()) / 1_000_000;
        System.out.printf("transition: %d frames from first to last audio, %d of them silence (at %s), %d ms%n",
                played.size(), silence, IntStream.range(0, played.size()).filter(i -> played.get(i).isSilence())
                        .boxed().toList(), spanMs);
        // the transition is at frame 150; lavaplayer may stutter once while the first track's decoder warms up,
        // which is not what this test is about
        assertThat(played.subList(10, played.size())).as("silence frames around the transition")
                .noneMatch(ReceivedFrame::isSilence);
        assertThat(played.size() - silence).as("3 s and 1 s: 200 frames of audio").isEqualTo(200);
        for (int i = 1; i < played.size(); i++) {
            assertThat((played.get(i).sequence() - played.get(i - 1).sequence()) & 0xFFFF).isEqualTo(1);
            assertThat(played.get(i).timestamp() - played.get(i - 1).timestamp()).isEqualTo(960);
        }
        // 199 periods of 20 ms: the sender may catch a short stall up in a burst (shorter), a gap would add 20 ms each
        // (the RTP timestamps above are the exact check; this one has room for a loaded machine)
        assertThat(spanMs).as("time from the first frame to the last").isBetween(3300L, 4400L);
        List<String> order = h.trackEvents(guild).stream().map(e -> e.name() + ":" + e.data().path("reason").asText(""))
                .toList();
        assertThat(order).containsExactly("TRACK_START:", "TRACK_END:finished", "TRACK_START:", "TRACK_END:finished");
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void aCrossfadeMixesBothTracksWithEqualPower() throws Exception {
        String guild = "520000000000000002";
        long g = Long.parseLong(guild);
        join(guild);
        JsonNode set = h.request("PLAYER_QUEUE", guild, Map.of("action", "crossfade", "crossfadeMs", 1000));
        assertThat(set.path("player").path("crossfadeMs").asInt()).as(set.toString()).isEqualTo(1000);
        String a = h.load(Tones.sine(dir, 440, 3));
        String b = h.load(Tones.sine(dir, 660, 3));
        h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "tracks", List.of(a, b)));
        await().atMost(Duration.ofSeconds(15)).until(() -> h.events(guild, e -> e.name().equals("TRACK_END")).size() == 2);

        List<ReceivedFrame> played = played(g);
        assertThat(played).noneMatch(ReceivedFrame::isSilence);
        assertThat(played).as("3 s + 3 s overlapping by 1 s").hasSize(250);
        short[] pcm = Pcm.decode(played);
        // frames 100-150 are the fade (the first track's last second)
        assertThat(ratio(pcm, 50, 95)).as("before: the first track alone").isGreaterThan(1000);
        assertThat(ratio(pcm, 101, 109)).as("the fade's start: mostly the first").isGreaterThan(3);
        assertThat(ratio(pcm, 121, 129)).as("the fade's middle: both alike").isBetween(0.5, 2.0);
        assertThat(ratio(pcm, 141, 149)).as("the fade's end: mostly the second").isLessThan(1 / 3.0);
        assertThat(ratio(pcm, 155, 245)).as("after: the second track alone").isLessThan(1 / 1000.0);
        double steady = rms(pcm, 50, 95);
        System.out.println("crossfade loudness by frame, relative: " + IntStream.range(96, 156)
                .mapToObj(f -> f + "=" + Math.round(100 * rms(pcm, f, f + 1) / steady)).toList());
        for (int f = 103; f < 147; f += 4) {
            assertThat(rms(pcm, f, f + 4)).as("equal power: loudness in the fade at frame %d", f)
                    .isBetween(steady * 0.9, steady * 1.1);
        }
        // where the stream changes Opus encoder (lavaplayer's, the mixer's, lavaplayer's again) the mixer is warmed up
        // and aligned so that the listener's decoder does not stumble (cold, it dipped to 0.55 and jumped to 1.5)
        for (int f : new int[] {98, 99, 100, 101, 102, 150, 151, 152, 153, 154}) {
            assertThat(rms(pcm, f, f + 1)).as("loudness at the encoder switch, frame %d", f)
                    .isBetween(steady * 0.85, steady * 1.15);
        }
        List<String> order = h.trackEvents(guild).stream().map(e -> e.name() + ":" + e.data().path("reason").asText(""))
                .toList();
        assertThat(order).containsExactly("TRACK_START:", "TRACK_END:finished", "TRACK_START:", "TRACK_END:finished");
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void opusSourcesPassThroughOutsideTheFade() throws Exception {
        String guild = "520000000000000003";
        long g = Long.parseLong(guild);
        join(guild);
        h.request("PLAYER_QUEUE", guild, Map.of("action", "crossfade", "crossfadeMs", 400));
        OggOpus.File a = OggOpus.sine(dir, 440, 2);
        OggOpus.File b = OggOpus.sine(dir, 660, 2);
        h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "tracks", List.of(h.load(a.path()), h.load(b.path()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.events(guild, e -> e.name().equals("TRACK_END")).size() == 2);

        List<ReceivedFrame> played = played(g);
        // the fade starts 400 ms before the end by lavaplayer's timecodes (from the file's granule positions)
        int fadeStart = IntStream.range(0, played.size())
                .filter(i -> i >= 100 || !Arrays.equals(played.get(i).opus(), a.packets().get(i))).findFirst().orElseThrow();
        assertThat(fadeStart).isBetween(78, 81);
        assertThat(played).as("2 s + 2 s overlapping by the fade").hasSize(100 + fadeStart);
        assertThat(IntStream.range(0, fadeStart).allMatch(i -> Arrays.equals(played.get(i).opus(), a.packets().get(i))))
                .as("before the fade: the first file's packets, undecoded").isTrue();
        // the fade, and two frames after it that the mixer still encodes (see Crossfader), are encoded afresh
        assertThat(IntStream.range(fadeStart, 102).noneMatch(i -> Arrays.equals(played.get(i).opus(),
                a.packets().get(Math.min(i, 99))) || Arrays.equals(played.get(i).opus(), b.packets().get(i - fadeStart))))
                .as("in the fade: mixed and encoded afresh").isTrue();
        assertThat(IntStream.range(102, played.size()).allMatch(i -> Arrays.equals(played.get(i).opus(),
                b.packets().get(i - fadeStart)))).as("after the fade: the second file's packets, undecoded").isTrue();
    }

    @Test
    void aSkipDuringTheFadeCancelsItAndTheNextTrackStartsAfresh() throws Exception {
        String guild = "520000000000000004";
        long g = Long.parseLong(guild);
        join(guild);
        h.request("PLAYER_QUEUE", guild, Map.of("action", "crossfade", "crossfadeMs", 2000));
        String a = h.load(Tones.sine(dir, 440, 4));
        String b = h.load(Tones.sine(dir, 660, 4));
        h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "tracks", List.of(a, b)));
        // the fade runs from 2 s: skip one second into it
        await().atMost(Duration.ofSeconds(15)).until(() -> played(g).size() >= 150);
        assertThat(h.request("PLAYER_SKIP", guild, Map.of()).path("ok").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> h.events(guild, e -> e.name().equals("TRACK_END")).size() == 2);

        List<String> order = h.trackEvents(guild).stream().map(e -> e.name() + ":" + e.data().path("reason").asText(""))
                .toList();
        assertThat(order).as("nothing about the prepared track that was cancelled")
                .containsExactly("TRACK_START:", "TRACK_END:replaced", "TRACK_START:", "TRACK_END:finished");
        List<ReceivedFrame> audio = played(g).stream().filter(f -> !f.isSilence()).toList();
        short[] pcm = Pcm.decode(audio);
        int end = pcm.length / 960;
        assertThat(ratio(pcm, end - 195, end - 150)).as("the second track from its start, alone").isLessThan(1 / 1000.0);
        assertThat(audio.size()).as("1.5 s of the first (half a second of it mixed) and the whole second")
                .isBetween(340, 360);
        assertThat(h.voice.violations()).isEmpty();
    }

    /** Power of 440 Hz over that of 660 Hz in frames {@code [from, to)}. */
    private static double ratio(short[] pcm, int from, int to) {
        return Pcm.power(pcm, from * 960, to * 960, 440) / Pcm.power(pcm, from * 960, to * 960, 660);
    }

    private static double rms(short[] pcm, int from, int to) {
        return Pcm.rms(Arrays.copyOfRange(pcm, from * 960, to * 960));
    }
}
