package dev.hubcord.audio.config;

import dev.hubcord.audio.AudioException;
import dev.hubcord.service.settings.Layer;
import dev.hubcord.service.settings.SettingException;
import dev.hubcord.service.settings.Settings;
import java.net.URI;
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
 * @param httpPort the /health, /ready and /metrics port: -1 = off, 0 = any free one
 * @param httpHost its address
 * @param crossfadeMs the crossfade between queued tracks of a guild that set none (0: a gapless cut)
 */
public record AudioConfig(URI hubUrl, String hubSecret, String name, List<String> sources, boolean localFiles,
        boolean voiceTls, int playerUpdateMs, int trackStuckMs, int frameBufferMs, int opusQuality,
        int decodeNice, int recoveryTimeoutMs, List<String> search, LibraryConfig library, int httpPort,
        String httpHost, int crossfadeMs) {

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
        try {
            return from(Settings.resolve(Setting.class, List.of(new Layer("--config", file),
                    new Layer("environment", env), new Layer("flags", flags))));
        } catch (SettingException e) {
            throw new AudioException(AudioException.Kind.CONFIG, e.getMessage());
        }
    }

    /**
     * The config of validated settings.
     *
     * @throws SettingException for an unknown source or search prefix
     */
    public static AudioConfig from(Settings<Setting> s) {
        List<String> sources = lower(s.items(Setting.AUDIO_SOURCES));
        for (String source : sources) {
            if (!KNOWN_SOURCES.contains(source)) {
                throw new SettingException("invalid AUDIO_SOURCES item '" + source + "': allowed "
                        + String.join(", ", KNOWN_SOURCES.stream().sorted().toList()));
            }
        }
        List<String> search = lower(s.items(Setting.AUDIO_SEARCH));
        for (String prefix : search) {
            if (!SEARCH_PREFIXES.containsKey(prefix)) {
                throw new SettingException("invalid AUDIO_SEARCH item '" + prefix + "': allowed "
                        + String.join(", ", SEARCH_PREFIXES.keySet().stream().sorted().toList()));
            }
        }
        LibraryConfig library = new LibraryConfig(s.path(Setting.AUDIO_LIBRARY_DIR),
                s.integer(Setting.AUDIO_LIBRARY_MAX_FILES), s.integer(Setting.AUDIO_LIBRARY_RESCAN_S));
        return new AudioConfig(s.uri(Setting.HUB_URL), s.text(Setting.HUB_SECRET), s.text(Setting.AUDIO_NAME), sources,
                s.bool(Setting.AUDIO_LOCAL_FILES), s.bool(Setting.AUDIO_VOICE_TLS),
                s.integer(Setting.AUDIO_PLAYER_UPDATE_MS), s.integer(Setting.AUDIO_TRACK_STUCK_MS),
                s.integer(Setting.AUDIO_FRAME_BUFFER_MS), s.integer(Setting.AUDIO_OPUS_QUALITY),
                s.integer(Setting.AUDIO_DECODE_NICE), s.integer(Setting.AUDIO_RECOVERY_TIMEOUT_MS), search, library,
                s.integer(Setting.AUDIO_HTTP_PORT), s.text(Setting.AUDIO_HTTP_HOST), s.integer(Setting.AUDIO_CROSSFADE_MS));
    }

    private static List<String> lower(List<String> items) {
        return items.stream().map(i -> i.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    @Override
    public String toString() {
        return "AudioConfig[hubUrl=" + hubUrl + ", name=" + name + ", sources=" + sources + ", localFiles="
                + localFiles + ", voiceTls=" + voiceTls + ", search=" + search + ", library=" + library + ", secret=<hidden>]";
    }
}
