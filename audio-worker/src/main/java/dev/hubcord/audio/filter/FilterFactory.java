package dev.hubcord.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.AudioFilter;
import com.sedmelluq.discord.lavaplayer.filter.PcmFilterFactory;
import com.sedmelluq.discord.lavaplayer.filter.UniversalPcmAudioFilter;
import com.sedmelluq.discord.lavaplayer.format.AudioDataFormat;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import java.util.List;

/**
 * The filter factory a player holds while a filter is active. lavaplayer asks it for a chain when a track starts
 * (and, with hot swapping enabled, when the player's factory is replaced); every chain it built reads {@link
 * #filters()} at each block, so {@link #update} changes the sound of the playing track without rebuilding anything.
 */
public final class FilterFactory implements PcmFilterFactory {

    private volatile Filters filters;

    public FilterFactory(Filters filters) {
        this.filters = filters;
    }

    public void update(Filters f) {
        this.filters = f;
    }

    public Filters filters() {
        return filters;
    }

    @Override
    public List<AudioFilter> buildChain(AudioTrack track, AudioDataFormat format, UniversalPcmAudioFilter output) {
        return List.of(new FilterPipeline(this, output, format.sampleRate, format.channelCount));
    }
}
