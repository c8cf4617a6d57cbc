package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioConfiguration;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.bandcamp.BandcampAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.getyarn.GetyarnAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.http.HttpAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.local.LocalAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.nico.NicoAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.soundcloud.SoundCloudAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.twitch.TwitchStreamAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.vimeo.VimeoAudioSourceManager;
import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.config.AudioConfig;

/**
 * Builds the lavaplayer manager from the settings. Only sources that need no account; the YouTube source lavaplayer
 * still ships is deprecated and broken, and its replacement is not on Maven Central, so it is never registered.
 * HTTP goes last because it accepts any URL.
 */
public final class PlayerManagers {

    private PlayerManagers() {}

    public static AudioPlayerManager create(AudioConfig config) {
        DefaultAudioPlayerManager manager = new PlaybackPlayerManager(config.decodeNice());
        manager.getConfiguration().setOpusEncodingQuality(config.opusQuality());
        manager.getConfiguration().setResamplingQuality(AudioConfiguration.ResamplingQuality.LOW);
        manager.setFrameBufferDuration(config.frameBufferMs());
        manager.setTrackStuckThreshold(config.trackStuckMs());
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
                    manager.registerSourceManager(new LocalAudioSourceManager());
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
}
