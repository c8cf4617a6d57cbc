package dev.hubcord.audio;

import dev.hubcord.audio.config.AudioConfig;
import dev.hubcord.audio.config.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar audio-worker.jar}: reads the settings from {@code --config FILE} (or {@code AUDIO_CONFIG}), the
 * environment and the flags, connects to the hub and plays; on SIGTERM it leaves the hub with 1000, which hands its
 * guilds to another worker.
 */
@Command(name = "audio-worker", mixinStandardHelpOptions = true, version = "hubcord audio-worker 0.1.0",
        description = "The hubcord audio worker: lavaplayer players and Discord voice, driven through the hub.",
        footer = {"", "Every flag can also be set as an environment variable (HUB_URL, HUB_SECRET, AUDIO_SOURCES, ...)",
                "or as the same key in the --config properties file. Flags win over the environment, which wins over the file."})
public final class AudioMain implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AudioMain.class);

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with HUB_*/AUDIO_* keys (default: $AUDIO_CONFIG)")
    Path configFile;

    @Option(names = "--hub-url", description = "hub WebSocket URL (default ws://127.0.0.1:3282/ws/v1)") String hubUrl;
    @Option(names = "--hub-secret", description = "hub secret (prefer HUB_SECRET: flags show in ps)") String hubSecret;
    @Option(names = "--name", description = "instance name (default audio)") String name;
    @Option(names = "--sources", description = "lavaplayer sources (default http,soundcloud,bandcamp,vimeo,twitch,getyarn,nico)") String sources;
    @Option(names = "--local-files", description = "allow the 'local' source to read this machine's files") String localFiles;
    @Option(names = "--search", description = "search prefixes tried in order for 'search:' (default libsearch,scsearch)") String search;
    @Option(names = "--library-dir", description = "a directory of music files searched with 'libsearch:'") String libraryDir;
    @Option(names = "--library-max-files", description = "at most this many library files indexed (default 10000)") String libraryMaxFiles;
    @Option(names = "--library-rescan-s", description = "seconds between library rescans, 0 = at start only (default 300)") String libraryRescanS;
    @Option(names = "--voice-tls", description = "wss:// to voice gateways (default true)") String voiceTls;
    @Option(names = "--player-update-ms", description = "PLAYER_UPDATE interval (default 5000)") String playerUpdateMs;
    @Option(names = "--track-stuck-ms", description = "TRACK_STUCK threshold (default 10000)") String trackStuckMs;
    @Option(names = "--frame-buffer-ms", description = "lavaplayer frame buffer (default 5000)") String frameBufferMs;
    @Option(names = "--opus-quality", description = "Opus complexity 0-10 (default 10)") String opusQuality;
    @Option(names = "--recovery-timeout-ms", description = "wait for a taken-over guild's saved state (default 10000)") String recoveryTimeoutMs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AudioMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        AudioConfig config;
        try {
            config = AudioConfig.resolve(readFile(), System.getenv(), flags());
        } catch (AudioException e) {
            System.err.println("audio-worker: " + e.getMessage());
            return 2;
        }
        AudioWorker worker;
        try {
            worker = new AudioWorker(config);
        } catch (AudioException e) {
            System.err.println("audio-worker: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down: leaving the hub so the guilds move to another worker");
            worker.close();
            stopped.countDown();
        }));
        worker.start().whenComplete((identified, error) -> {
            if (error != null) {
                log.error("hub refused the worker: {}", error.getMessage());
                stopped.countDown();
            } else {
                log.info("connected to the hub as audio, session {}", identified.session());
            }
        });
        stopped.await();
        return 0;
    }

    private Map<String, String> readFile() throws IOException {
        Path file = configFile != null ? configFile
                : System.getenv("AUDIO_CONFIG") != null ? Path.of(System.getenv("AUDIO_CONFIG")) : null;
        Map<String, String> values = new HashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        }
        return values;
    }

    private Map<String, String> flags() {
        Map<String, String> f = new HashMap<>();
        put(f, Setting.HUB_URL, hubUrl);
        put(f, Setting.HUB_SECRET, hubSecret);
        put(f, Setting.AUDIO_NAME, name);
        put(f, Setting.AUDIO_SOURCES, sources);
        put(f, Setting.AUDIO_LOCAL_FILES, localFiles);
        put(f, Setting.AUDIO_SEARCH, search);
        put(f, Setting.AUDIO_LIBRARY_DIR, libraryDir);
        put(f, Setting.AUDIO_LIBRARY_MAX_FILES, libraryMaxFiles);
        put(f, Setting.AUDIO_LIBRARY_RESCAN_S, libraryRescanS);
        put(f, Setting.AUDIO_VOICE_TLS, voiceTls);
        put(f, Setting.AUDIO_PLAYER_UPDATE_MS, playerUpdateMs);
        put(f, Setting.AUDIO_TRACK_STUCK_MS, trackStuckMs);
        put(f, Setting.AUDIO_FRAME_BUFFER_MS, frameBufferMs);
        put(f, Setting.AUDIO_OPUS_QUALITY, opusQuality);
        put(f, Setting.AUDIO_RECOVERY_TIMEOUT_MS, recoveryTimeoutMs);
        return f;
    }

    private static void put(Map<String, String> f, Setting s, String v) {
        if (v != null) {
            f.put(s.name(), v);
        }
    }
}
