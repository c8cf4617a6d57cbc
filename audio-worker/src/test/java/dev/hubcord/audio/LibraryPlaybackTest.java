package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.local.LocalAudioTrack;
import com.sedmelluq.discord.lavaplayer.tools.io.MessageOutput;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import dev.hubcord.audio.config.LibraryConfig;
import dev.hubcord.audio.e2ee.MlsDaveSession;
import dev.hubcord.audio.library.LibraryAudioSourceManager;
import dev.hubcord.audio.library.LibraryEntry;
import dev.hubcord.audio.library.WavWriter;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.Pcm;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library through the real pipeline: commands → hub → audio worker ({@code search:} → {@code libsearch:}) →
 * lavaplayer → simulated voice server, decoded back to PCM. Only the library and local files are configured as
 * search sources, so nothing here needs a network.
 */
class LibraryPlaybackTest {

    @TempDir
    static Path library;
    @TempDir
    static Path elsewhere;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        WavWriter.write(library.resolve("a.wav"), 1.5, WavWriter.sine(660), "Sixty Six", "Tone Generators", "Beeps");
        WavWriter.write(library.resolve("b.wav"), 1.5, WavWriter.sine(440), "Four Forty", "Tone Generators", "Beeps");
        Files.createDirectories(library.resolve("untagged"));
        WavWriter.write(library.resolve("untagged/Low Hum.wav"), 1, WavWriter.sine(220), null, null, null);
        h = new Harness();
        h.startWorker(h.workerConfig("audio-lib", Map.of("AUDIO_LIBRARY_DIR", library.toString(),
                "AUDIO_SEARCH", "libsearch")), MlsDaveSession.FACTORY);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void wordsFindALibraryTrackThatPlaysThroughVoice() throws Exception {
        JsonNode found = h.request("LOAD_TRACKS", null, Map.of("identifier", "search:four forty tone"));
        assertThat(found.path("loadType").asText()).as(found.toString()).isEqualTo("search");
        JsonNode track = found.path("data").get(0);
        assertThat(track.path("info").path("title").asText()).isEqualTo("Four Forty");
        assertThat(track.path("info").path("author").asText()).isEqualTo("Tone Generators");
        assertThat(track.path("info").path("sourceName").asText()).isEqualTo("library");

        String guild = "500000000000000101";
        assertThat(h.request("PLAYER_JOIN", guild, Map.of("channelID", "400000000000000101")).path("ok").asBoolean())
                .isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(Long.parseLong(guild)) != null
                && h.voice.session(Long.parseLong(guild)).mode() != null);
        assertThat(h.request("PLAYER_PLAY", guild, Map.of("track", track.path("encoded").asText())).path("ok")
                .asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                h.events(guild, e -> e.name().equals("TRACK_END")).size() == 1);
        assertThat(h.events(guild, e -> e.name().equals("TRACK_END")).getFirst().data().path("reason").asText())
                .isEqualTo("finished");
        List<ReceivedFrame> audio = h.frames(Long.parseLong(guild)).stream().filter(f -> !f.isSilence()).toList();
        assertThat(audio.size()).as("1.5 s of audio is about 75 frames").isBetween(70, 77);
        short[] pcm = Pcm.decode(audio);
        assertThat(Pcm.dominant(pcm, 4800, pcm.length - 4800, 220, 440, 660, 880)).isEqualTo(440);
    }

    @Test
    void queueingBySearchWordsPlaysTheBestMatchAndUntaggedFilesShowTheirName() throws Exception {
        String guild = "500000000000000102";
        assertThat(h.request("PLAYER_JOIN", guild, Map.of("channelID", "400000000000000102")).path("ok").asBoolean())
                .isTrue();
        JsonNode r = h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "identifier", "search:low hum"));
        assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !h.events(guild, e -> e.name().equals("TRACK_START")).isEmpty());
        JsonNode info = h.events(guild, e -> e.name().equals("TRACK_START")).getFirst().data().path("track")
                .path("info");
        assertThat(info.path("title").asText()).isEqualTo("Low Hum");
        assertThat(info.path("author").asText()).isEmpty();
        assertThat(info.path("sourceName").asText()).isEqualTo("library");
    }

    @Test
    void noMatchIsEmptyAndAnEncodedTrackOutsideTheLibraryIsRefused() throws Exception {
        assertThat(h.request("LOAD_TRACKS", null, Map.of("identifier", "search:no such words")).path("loadType")
                .asText()).isEqualTo("empty");
        // a library track re-pointed at a file outside the library must not decode
        Path outside = WavWriter.write(elsewhere.resolve("secret.wav"), 0.2, WavWriter.sine(440), "Four Forty",
                "Tone Generators", "Beeps");
        String guild = "500000000000000103";
        assertThat(h.request("PLAYER_JOIN", guild, Map.of("channelID", "400000000000000103")).path("ok").asBoolean())
                .isTrue();
        JsonNode refused = h.request("PLAYER_PLAY", guild, Map.of("track", forgedLibraryTrack(outside)));
        assertThat(refused.path("ok").asBoolean()).as(refused.toString()).isFalse();
        assertThat(refused.path("error").asText()).contains("not a file of the library");
        assertThat(h.events(guild, e -> e.name().equals("TRACK_START"))).isEmpty();
    }

    /** What a client could send: a well-formed {@code library} track whose path is another file. */
    private static String forgedLibraryTrack(Path file) throws Exception {
        LibraryAudioSourceManager source = new LibraryAudioSourceManager(new LibraryConfig(library, 10, 0));
        DefaultAudioPlayerManager manager = new DefaultAudioPlayerManager();
        manager.registerSourceManager(source);
        try {
            LibraryEntry real = source.index().search("four forty", 1).getFirst();
            AudioTrackInfo info = new AudioTrackInfo(real.title(), real.artist(), real.lengthMs(), file.toString(),
                    false, file.toString());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            manager.encodeTrack(new MessageOutput(bytes), new LocalAudioTrack(info, real.container(), source));
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } finally {
            manager.shutdown();
        }
    }
}
