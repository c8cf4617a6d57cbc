package dev.hubcord.audio.config;

import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.player.PlayerSnapshot;
import dev.hubcord.protocol.settings.SettingLayers;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The worker's resolved settings.
 *
 * @param hubUrl the hub WebSocket URL
 * @param hubSecret the hub secret
 * @param name the instance name
 * @param sources the lavaplayer sources to register, lower case
 * @param localFiles whether the local file source is allowed
 * @param voiceTls whether voice gateways are reached with TLS
 * @param playerUpdateMs PLAYER_UPDATE interval
 * @param trackStuckMs lavaplayer's stuck threshold
 * @param frameBufferMs lavaplayer's frame buffer duration
 * @param opusQuality Opus encoder complexity
 * @param decodeNice niceness the decoding threads give themselves on Linux (0: left as they are)
 * @param recoveryTimeoutMs how long a recovered guild waits for its saved state
 * @param search the search prefixes a {@code search:} identifier tries, in order (keys of {@link #SEARCH_PREFIXES})
 * @param library the local music library
 * @param crossfadeMs the crossfade between queued tracks of a guild that set none (0: a gapless cut)
 */
public record AudioConfig(URI hubUrl, String hubSecret, String name, List<String> sources, boolean localFiles,
        boolean voiceTls, int playerUpdateMs, int trackStuckMs, int frameBufferMs, int opusQuality,
        int decodeNice, int recoveryTimeoutMs, List<String> search, LibraryConfig library, int crossfadeMs) {

    /** Every source name lavaplayer offers without an account; YouTube is not among them (see the README). */
    public static final Set<String> KNOWN_SOURCES =
            Set.of("http", "local", "soundcloud", "bandcamp", "vimeo", "twitch", "getyarn", "nico");

    /** Search prefix → what has to be set up for it: a source of {@link #KNOWN_SOURCES}, or {@code library}. */
    public static final Map<String, String> SEARCH_PREFIXES =
            Map.of("libsearch", "library", "scsearch", "soundcloud", "bcsearch", "bandcamp");

    public AudioConfig {
        sources = List.copyOf(sources);
        search = List.copyOf(search);
    }

    /**
     * Resolves the layers, later ones winning: file, environment, flags; keys are {@link Setting} names.
     *
     * @throws AudioException {@code CONFIG} for a missing secret or a bad value
     */
    public static AudioConfig resolve(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        SettingLayers<Setting> layers = SettingLayers.resolve(Setting.class, Setting::defaultValue,
                message -> new AudioException(AudioException.Kind.CONFIG, message), List.of(file, env, flags));
        Map<Setting, String> v = layers.values();
        String secret = v.get(Setting.HUB_SECRET);
        if (secret.isEmpty()) {
            throw new AudioException(AudioException.Kind.CONFIG, "HUB_SECRET is required");
        }
        URI hub;
        try {
            hub = URI.create(v.get(Setting.HUB_URL));
        } catch (IllegalArgumentException e) {
            throw new AudioException(AudioException.Kind.CONFIG, "HUB_URL is not a URL: " + v.get(Setting.HUB_URL), e);
        }
        if (!"ws".equalsIgnoreCase(hub.getScheme()) || hub.getHost() == null) {
            throw new AudioException(AudioException.Kind.CONFIG, "HUB_URL must be ws://host:port/ws/v1, got " + hub);
        }
        List<String> sources = list(v.get(Setting.AUDIO_SOURCES));
        for (String s : sources) {
            if (!KNOWN_SOURCES.contains(s)) {
                throw new AudioException(AudioException.Kind.CONFIG, "AUDIO_SOURCES: unknown source '" + s
                        + "' (known: " + String.join(", ", KNOWN_SOURCES.stream().sorted().toList()) + ")");
            }
        }
        List<String> search = list(v.get(Setting.AUDIO_SEARCH));
        for (String s : search) {
            if (!SEARCH_PREFIXES.containsKey(s)) {
                throw new AudioException(AudioException.Kind.CONFIG, "AUDIO_SEARCH: unknown search prefix '" + s
                        + "' (known: " + String.join(", ", SEARCH_PREFIXES.keySet().stream().sorted().toList()) + ")");
            }
        }
        String dir = v.get(Setting.AUDIO_LIBRARY_DIR).trim();
        LibraryConfig library = new LibraryConfig(dir.isEmpty() ? null : Path.of(dir),
                layers.integer(Setting.AUDIO_LIBRARY_MAX_FILES, 1, 1_000_000),
                layers.integer(Setting.AUDIO_LIBRARY_RESCAN_S, 0, 86_400));
        return new AudioConfig(hub, secret, v.get(Setting.AUDIO_NAME), sources, layers.bool(Setting.AUDIO_LOCAL_FILES),
                layers.bool(Setting.AUDIO_VOICE_TLS), layers.integer(Setting.AUDIO_PLAYER_UPDATE_MS, 500, 600_000),
                layers.integer(Setting.AUDIO_TRACK_STUCK_MS, 100, 600_000),
                layers.integer(Setting.AUDIO_FRAME_BUFFER_MS, 200, 60_000), layers.integer(Setting.AUDIO_OPUS_QUALITY, 0, 10),
                layers.integer(Setting.AUDIO_DECODE_NICE, 0, 19), layers.integer(Setting.AUDIO_RECOVERY_TIMEOUT_MS, 100, 600_000),
                search, library, layers.integer(Setting.AUDIO_CROSSFADE_MS, 0, PlayerSnapshot.MAX_CROSSFADE_MS));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    @Override
    public String toString() {
        return "AudioConfig[hubUrl=" + hubUrl + ", name=" + name + ", sources=" + sources + ", localFiles="
                + localFiles + ", voiceTls=" + voiceTls + ", search=" + search + ", library=" + library + ", secret=<hidden>]";
    }
}
