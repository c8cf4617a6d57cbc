package dev.hubcord.audio.filter;

/**
 * A filter that changes samples in place, one block at a time, keeping its state (phases, delay lines, filter
 * memories) from block to block and across a change of its settings. Blocks are {@code buf[channel][off, off+len)}.
 */
sealed interface Stage permits SimpleStages.Volume, SimpleStages.Tremolo, SimpleStages.Rotation,
        SimpleStages.Distortion, SimpleStages.ChannelMix, SimpleStages.LowPass, EqualizerStage, KaraokeStage,
        VibratoStage {

    void process(float[][] buf, int off, int len);

    /** Forgets the signal's history (after a seek); settings stay. */
    default void reset() {}
}
