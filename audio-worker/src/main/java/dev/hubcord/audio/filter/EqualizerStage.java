package dev.hubcord.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;
import com.sedmelluq.discord.lavaplayer.filter.equalizer.Equalizer;

/**
 * Lavalink's equalizer is lavaplayer's 15-band {@link Equalizer} (48 kHz), so the bands sound as they do there. It
 * filters in place and then hands the block to its "next" filter, which here does nothing: the pipeline goes on.
 */
final class EqualizerStage implements Stage {

    private static final FloatPcmAudioFilter NOTHING = new FloatPcmAudioFilter() {
        @Override
        public void process(float[][] input, int offset, int length) {}

        @Override
        public void seekPerformed(long requestedTime, long providedTime) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private final Equalizer equalizer;
    private final int channels;

    EqualizerStage(float[] gains, int channels) {
        this.channels = channels;
        this.equalizer = new Equalizer(channels, NOTHING);
        set(gains);
    }

    /** Takes effect from the next block; the bands' filter memories stay. */
    void set(float[] gains) {
        for (int band = 0; band < gains.length; band++) {
            equalizer.setGain(band, gains[band]);
        }
    }

    @Override
    public void process(float[][] buf, int off, int len) {
        if (buf.length != channels) {
            return;
        }
        try {
            equalizer.process(buf, off, len);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
