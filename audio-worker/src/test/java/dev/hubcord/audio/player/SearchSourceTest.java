package dev.hubcord.audio.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import dev.hubcord.audio.config.AudioConfig;
import dev.hubcord.audio.library.WavWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The worker's {@code search:} over real lavaplayer sources: the library first, then the real SoundCloud source,
 * which has no network here and must fail fast; untagged local files; the Twitch source's start without network.
 */
class SearchSourceTest {

    @TempDir
    Path dir;

    private static boolean offline(String host) {
        try {
            InetAddress.getByName(host);
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private AudioPlayerManager manager(Map<String, String> settings) {
        Map<String, String> flags = new HashMap<>(Map.of("HUB_SECRET", "s", "AUDIO_DECODE_NICE", "0"));
        flags.putAll(settings);
        return PlayerManagers.create(AudioConfig.resolve(Map.of(), Map.of(), flags));
    }

    private static JsonNode load(AudioPlayerManager manager, String identifier) {
        ObjectNode r = new TrackLoader(manager, new TrackCodec(manager)).load(identifier);
        return r;
    }

    @Test
    void theLibraryAnswersFirstAndSoundCloudFailsFastOffline() throws Exception {
        WavWriter.write(dir.resolve("x.wav"), 0.5, WavWriter.sine(440), "Lonely Sine", "Oscillators", "Waves");
        AudioPlayerManager manager = manager(Map.of("AUDIO_SOURCES", "soundcloud", "AUDIO_LIBRARY_DIR", dir.toString(),
                "AUDIO_LIBRARY_RESCAN_S", "0"));
        try {
            JsonNode found = load(manager, "search:lonely sine");
            assertThat(found.path("loadType").asText()).as(found.toString()).isEqualTo("search");
            assertThat(found.path("data")).hasSize(1);
            JsonNode info = found.path("data").get(0).path("info");
            assertThat(info.path("title").asText()).isEqualTo("Lonely Sine");
            assertThat(info.path("author").asText()).isEqualTo("Oscillators");
            assertThat(info.path("sourceName").asText()).isEqualTo("library");
            assertThat(info.path("length").asLong()).isEqualTo(500);

            long start = System.nanoTime();
            JsonNode missing = load(manager, "search:no such song anywhere");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("the library, then SoundCloud, answered in %d ms", ms).isLessThan(10_000);
            assumeFalse(!offline("api-v2.soundcloud.com") || !offline("soundcloud.com"), "SoundCloud is reachable");
            assertThat(missing.path("loadType").asText()).as(missing.toString()).isEqualTo("error");
            assertThat(missing.path("data").path("message").asText()).startsWith("Nothing found for \"no such song anywhere\"")
                    .contains("SoundCloud search failed").contains("UnknownHostException");
        } finally {
            manager.shutdown();
        }
    }

    @Test
    void soundCloudSearchAloneAnswersWithinABoundOffline() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        AudioPlayerManager manager = manager(Map.of("AUDIO_SOURCES", "soundcloud"));
        try {
            long start = System.nanoTime();
            JsonNode r = load(manager, "scsearch:anything at all");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("answered in %d ms: %s", ms, r).isLessThan(10_000);
            JsonNode viaSearch = load(manager, "search:anything at all");
            assertThat(viaSearch.path("loadType").asText()).isIn("search", "error");
            if (offline("soundcloud.com")) {
                assertThat(r.path("loadType").asText()).isEqualTo("error");
                assertThat(viaSearch.path("data").path("message").asText()).contains("SoundCloud search failed");
            }
            assertThat(logs.list).as("failed searches log lines, not stack traces")
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        } finally {
            root.detachAppender(logs);
            manager.shutdown();
        }
    }

    @Test
    void searchWithoutAnySearchSourceSaysSo() {
        AudioPlayerManager manager = manager(Map.of("AUDIO_SOURCES", "http"));
        try {
            JsonNode r = load(manager, "search:something");
            assertThat(r.path("loadType").asText()).isEqualTo("error");
            assertThat(r.path("data").path("message").asText()).contains("AUDIO_SEARCH");
            assertThat(load(manager, "search:  ").path("data").path("message").asText()).contains("No words");
        } finally {
            manager.shutdown();
        }
    }

    @Test
    void anUntaggedLocalFileIsNamedAfterTheFile() throws Exception {
        Path file = WavWriter.write(dir.resolve("My Field Recording.wav"), 0.2, WavWriter.sine(220), null, null, null);
        AudioPlayerManager manager = manager(Map.of("AUDIO_SOURCES", "local", "AUDIO_LOCAL_FILES", "true"));
        try {
            JsonNode r = load(manager, file.toString());
            assertThat(r.path("loadType").asText()).isEqualTo("track");
            assertThat(r.path("data").path("info").path("title").asText()).isEqualTo("My Field Recording");
            assertThat(r.path("data").path("info").path("author").asText()).isEmpty();
            assertThat(r.path("data").path("info").path("sourceName").asText()).isEqualTo("local");
        } finally {
            manager.shutdown();
        }
    }

    @Test
    void twitchWithoutNetworkLogsOneLineAtStart() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        AudioPlayerManager manager = null;
        try {
            manager = manager(Map.of("AUDIO_SOURCES", "twitch"));
            List<ILoggingEvent> twitch = logs.list.stream()
                    .filter(e -> e.getFormattedMessage().contains("Twitch")).toList();
            assertThat(twitch).allSatisfy(e -> assertThat(e.getThrowableProxy()).as("no stack trace").isNull());
            assumeFalse(!offline("www.twitch.tv"), "twitch.tv is reachable");
            assertThat(twitch).hasSize(1);
            assertThat(twitch.getFirst().getFormattedMessage()).startsWith("TwitchStreamAudioSourceManager: ")
                    .contains("UnknownHostException: www.twitch.tv");
        } finally {
            root.detachAppender(logs);
            if (manager != null) {
                manager.shutdown();
            }
        }
    }
}
