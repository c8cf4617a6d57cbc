package dev.hubcord.audio.filter;

import java.util.List;

/**
 * A player's filters, as Lavalink v4's {@code filters} object. A {@code null} component is a filter that was not
 * given; {@link #active()} says whether any given one changes the sound (only then is PCM decoded and filtered).
 * Ranges are checked by {@link FiltersJson}; the records here take what they are given.
 *
 * @param volume gain multiplier, 1 = unchanged
 * @param equalizer the bands given (later entries for the same band win), empty when none
 */
public record Filters(Double volume, List<Band> equalizer, Karaoke karaoke, Timescale timescale, Tremolo tremolo,
        Vibrato vibrato, Rotation rotation, Distortion distortion, ChannelMix channelMix, LowPass lowPass) {

    /** No filter: passthrough. */
    public static final Filters NONE = new Filters(null, List.of(), null, null, null, null, null, null, null, null);

    public Filters {
        equalizer = List.copyOf(equalizer);
    }

    /** Whether anything would change the PCM. */
    public boolean active() {
        return (volume != null && volume != 1.0)
                || equalizer.stream().anyMatch(b -> b.gain() != 0)
                || (karaoke != null && karaoke.active())
                || (timescale != null && timescale.active())
                || tremolo != null
                || vibrato != null
                || (rotation != null && rotation.rotationHz() != 0)
                || (distortion != null && distortion.active())
                || (channelMix != null && channelMix.active())
                || (lowPass != null && lowPass.active());
    }

    /** The 15 gains, band 0 (25 Hz) to 14 (16 kHz), 0 where not given. */
    public float[] gains() {
        float[] gains = new float[Band.COUNT];
        equalizer.forEach(b -> gains[b.band()] = (float) b.gain());
        return gains;
    }

    /** An equalizer band: 0-14, gain -0.25 (muted) to 1.0, 0 = unchanged, 0.25 = doubled. */
    public record Band(int band, double gain) {
        public static final int COUNT = 15;
    }

    /** Removes centre-panned sound (usually vocals) except a band around {@code filterBand} Hz (usually the bass). */
    public record Karaoke(double level, double monoLevel, double filterBand, double filterWidth) {
        public static final Karaoke DEFAULT = new Karaoke(1, 1, 220, 100);

        boolean active() {
            return level != 0 || monoLevel != 0;
        }
    }

    /** speed: tempo without pitch; pitch: pitch without tempo; rate: both (like playing a record faster). */
    public record Timescale(double speed, double pitch, double rate) {
        boolean active() {
            return speed != 1 || pitch != 1 || rate != 1;
        }
    }

    /** Amplitude oscillating between 1 and {@code 1 - depth}, {@code frequency} times a second. */
    public record Tremolo(double frequency, double depth) {
        public static final Tremolo DEFAULT = new Tremolo(2, 0.5);
    }

    /** Pitch oscillating {@code frequency} times a second, up to a 5 ms delay swing at depth 1. */
    public record Vibrato(double frequency, double depth) {
        public static final Vibrato DEFAULT = new Vibrato(2, 0.5);
    }

    /** Stereo panning going round {@code rotationHz} times a second. */
    public record Rotation(double rotationHz) {}

    /** Wave shaping; every default (offsets 0, scales 1) leaves the sound unchanged. */
    public record Distortion(double sinOffset, double sinScale, double cosOffset, double cosScale, double tanOffset,
            double tanScale, double offset, double scale) {
        public static final Distortion DEFAULT = new Distortion(0, 1, 0, 1, 0, 1, 0, 1);

        boolean active() {
            return !equals(DEFAULT);
        }

        boolean sin() {
            return sinOffset != 0 || sinScale != 1;
        }

        boolean cos() {
            return cosOffset != 0 || cosScale != 1;
        }

        boolean tan() {
            return tanOffset != 0 || tanScale != 1;
        }
    }

    /** Output left = leftToLeft·L + rightToLeft·R, right = leftToRight·L + rightToRight·R. */
    public record ChannelMix(double leftToLeft, double leftToRight, double rightToLeft, double rightToRight) {
        public static final ChannelMix DEFAULT = new ChannelMix(1, 0, 0, 1);

        boolean active() {
            return !equals(DEFAULT);
        }
    }

    /** One-pole low-pass: each output moves 1/smoothing of the way to the input; 1 or less is off. */
    public record LowPass(double smoothing) {
        public static final double DEFAULT = 20;

        boolean active() {
            return smoothing > 1;
        }
    }
}
