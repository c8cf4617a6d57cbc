package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioConfiguration;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.bandcamp.BandcampAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.getyarn.GetyarnAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.http.HttpAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.nico.NicoAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.soundcloud.SoundCloudAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.twitch.TwitchStreamAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.vimeo.VimeoAudioSourceManager;
import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.config.AudioConfig;
import dev.hubcord.audio.library.LibraryAudioSourceManager;
import dev.hubcord.audio.library.NamedLocalAudioSourceManager;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the lavaplayer manager from the settings. Only sources that need no account; the YouTube source lavaplayer
 * still ships is deprecated and broken, and its replacement is not on Maven Central, so it is never registered.
 * The worker's {@code search:} goes first (it answers only that prefix), the library next when configured, HTTP last
 * because it accepts any URL.
 */
public final class PlayerManagers {

    private static final Logger log = LoggerFactory.getLogger(PlayerManagers.class);

    private PlayerManagers() {}

    public static AudioPlayerManager create(AudioConfig config) {
        SourceWarnings.install();
        DefaultAudioPlayerManager manager = new PlaybackPlayerManager(config.decodeNice());
        manager.getConfiguration().setOpusEncodingQuality(config.opusQuality());
        manager.getConfiguration().setOutputFormat(new TimedOpusFormat()); // Discord's format, encodes timed
        manager.getConfiguration().setResamplingQuality(AudioConfiguration.ResamplingQuality.LOW);
        manager.setFrameBufferDuration(config.frameBufferMs());
        // filters may be set and removed while a track plays (else lavaplayer builds the chain at track start only)
        manager.getConfiguration().setFilterHotSwapEnabled(true);
        manager.setTrackStuckThreshold(config.trackStuckMs());
        manager.registerSourceManager(new SearchSourceManager(searchPrefixes(config)));
        if (config.library().enabled()) {
            manager.registerSourceManager(new LibraryAudioSourceManager(config.library()));
        }
        for (String source : config.sources()) {
            switch (source) {
                case "soundcloud" -> manager.registerSourceManager(SoundCloudAudioSourceManager.createDefault());
                case "bandcamp" -> manager.registerSourceManager(new BandcampAudioSourceManager());
                case "vimeo" -> manager.registerSourceManager(new VimeoAudioSourceManager());
                case "twitch" -> manager.registerSourceManager(new TwitchStreamAudioSourceManager());
                case "getyarn" -> manager.registerSourceManager(new GetyarnAudioSourceManager());
                case "nico" -> manager.registerSourceManager(new NicoAudioSourceManager());
                case "local" -> {
                    if (!config.localFiles()) {
                        throw new AudioException(AudioException.Kind.CONFIG,
                                "source 'local' plays files from this machine: also set AUDIO_LOCAL_FILES=true");
                    }
                    manager.registerSourceManager(new NamedLocalAudioSourceManager());
                }
                case "http" -> { } // registered last
                default -> throw new AudioException(AudioException.Kind.CONFIG, "unknown source " + source);
            }
        }
        if (config.sources().contains("http")) {
            manager.registerSourceManager(new HttpAudioSourceManager());
        }
        return manager;
    }

    /** {@code AUDIO_SEARCH} less the prefixes whose source is not set up, which are logged once. */
    static List<String> searchPrefixes(AudioConfig config) {
        List<String> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String prefix : config.search()) {
            String needs = AudioConfig.SEARCH_PREFIXES.get(prefix);
            boolean ready = needs.equals("library") ? config.library().enabled() : config.sources().contains(needs);
            (ready ? usable : skipped).add(prefix);
        }
        if (usable.isEmpty()) {
            log.warn("search: none of AUDIO_SEARCH {} is set up (a library needs AUDIO_LIBRARY_DIR, the others their"
                    + " source in AUDIO_SOURCES): 'search:' finds nothing", config.search());
        } else {
            log.info("search: {}{}", String.join(", then ", usable),
                    skipped.isEmpty() ? "" : " (skipped, not set up: " + String.join(", ", skipped) + ")");
        }
        return usable;
    }
}
