package dev.hubcord.audio.filter;

import static dev.hubcord.audio.filter.Playback.frequency;
import static dev.hubcord.audio.filter.Playback.rms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hubcord.audio.filter.Playback.Pcm;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.protocol.codec.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each filter on real tones decoded by lavaplayer, measured against what its math says. */
class FilterPcmTest {

    /** Amplitude of the test tones (0.5 of full scale), as RMS. */
    private static final double TONE_RMS = 0.5 / Math.sqrt(2);
    /** Skip the first and last 100 ms (filter warm-up, the stretch's window) when measuring. */
    private static final int EDGE = 4800;

    @TempDir
    static Path dir;

    static Filters filters(String json) throws Exception {
        return FiltersJson.parse(Json.mapper().readTree(json));
    }

    @Test
    void withoutFiltersTheToneComesThroughUnchanged() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 440, 2), Filters.NONE);
        assertThat(out.frames()).isEqualTo(100);
        assertThat(rms(out.left(), EDGE, out.left().length - EDGE)).isCloseTo(TONE_RMS, within(0.01));
        assertThat(frequency(out.left(), EDGE, out.left().length - EDGE)).isCloseTo(440, within(1.0));
    }

    @Test
    void volumeScales() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 440, 2), filters("{\"volume\": 0.5}"));
        assertThat(rms(out.left(), EDGE, out.left().length - EDGE)).isCloseTo(TONE_RMS / 2, within(0.005));
    }

    @Test
    void lowPassKeepsLowTonesAndCutsHighOnes() throws Exception {
        Filters f = filters("{\"lowPass\": {\"smoothing\": 20}}");
        Pcm low = Playback.pcm(Tones.sine(dir, 100, 2), f);
        Pcm high = Playback.pcm(Tones.sine(dir, 8000, 2), f);
        // one pole, k = 1/20: |H| is 0.97 at 100 Hz and 0.05 at 8 kHz
        assertThat(rms(low.left(), EDGE, low.left().length - EDGE) / TONE_RMS).isGreaterThan(0.9);
        assertThat(rms(high.left(), EDGE, high.left().length - EDGE) / TONE_RMS).isLessThan(0.08);
    }

    @Test
    void channelMixSwapsChannels() throws Exception {
        Pcm out = Playback.pcm(Tones.stereo(dir, 440, 0, 2), filters(
                "{\"channelMix\": {\"leftToLeft\": 0, \"leftToRight\": 1, \"rightToLeft\": 1, \"rightToRight\": 0}}"));
        assertThat(rms(out.left(), EDGE, out.left().length - EDGE)).isLessThan(0.001);
        assertThat(rms(out.right(), EDGE, out.right().length - EDGE)).isCloseTo(TONE_RMS, within(0.01));
        assertThat(frequency(out.right(), EDGE, out.right().length - EDGE)).isCloseTo(440, within(1.0));
    }

    @Test
    void timescaleSpeedHalvesTheDurationAndKeepsThePitch() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 440, 4), filters("{\"timescale\": {\"speed\": 2.0}}"));
        assertThat(out.frames()).as("4 s at speed 2 lasts 2 s (100 frames)").isBetween(97, 101);
        assertThat(frequency(out.left(), EDGE, out.left().length - EDGE)).isCloseTo(440, within(4.0));
        assertThat(rms(out.left(), EDGE, out.left().length - EDGE)).isCloseTo(TONE_RMS, within(0.03));
    }

    @Test
    void timescalePitchDoublesTheFrequencyAndKeepsTheDuration() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 440, 4), filters("{\"timescale\": {\"pitch\": 2.0}}"));
        assertThat(out.frames()).isBetween(197, 201);
        assertThat(frequency(out.left(), EDGE, out.left().length - EDGE)).isCloseTo(880, within(8.0));
    }

    @Test
    void timescaleRateChangesBoth() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 440, 4), filters("{\"timescale\": {\"rate\": 0.5}}"));
        // the stretch keeps its last window (~40 ms of input, 80 ms at rate 0.5) when the track ends
        assertThat(out.frames()).as("rate 0.5: twice as long").isBetween(392, 401);
        assertThat(frequency(out.left(), EDGE, out.left().length - EDGE)).isCloseTo(220, within(3.0));
    }

    @Test
    void equalizerBandGainChangesThatBandsEnergy() throws Exception {
        Path tone = Tones.sine(dir, 1000, 2); // band 8 is 1 kHz
        Pcm cut = Playback.pcm(tone, filters("{\"equalizer\": [{\"band\": 8, \"gain\": -0.25}]}"));
        Pcm boost = Playback.pcm(tone, filters("{\"equalizer\": [{\"band\": 8, \"gain\": 0.25}]}"));
        Pcm elsewhere = Playback.pcm(tone, filters("{\"equalizer\": [{\"band\": 0, \"gain\": 0.25}]}"));
        double base = TONE_RMS;
        assertThat(rms(cut.left(), EDGE, cut.left().length - EDGE) / base).isLessThan(0.6);
        assertThat(rms(boost.left(), EDGE, boost.left().length - EDGE) / base).isGreaterThan(1.4);
        assertThat(rms(elsewhere.left(), EDGE, elsewhere.left().length - EDGE) / base).isCloseTo(1, within(0.1));
    }

    @Test
    void karaokeRemovesCentrePannedSoundAndKeepsTheSides() throws Exception {
        Filters f = filters("{\"karaoke\": {\"level\": 1, \"monoLevel\": 0}}");
        Pcm centre = Playback.pcm(Tones.sine(dir, 1000, 2), f);
        Pcm side = Playback.pcm(Tones.stereo(dir, 1000, 0, 2), f);
        assertThat(rms(centre.left(), EDGE, centre.left().length - EDGE) / TONE_RMS).isLessThan(0.01);
        // L - (L+R)/2 = L/2 on a left-only tone
        assertThat(rms(side.left(), EDGE, side.left().length - EDGE) / TONE_RMS).isCloseTo(0.5, within(0.02));
    }

    @Test
    void tremoloModulatesTheAmplitude() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 1000, 2), filters("{\"tremolo\": {\"frequency\": 2, \"depth\": 1}}"));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i + 480 <= out.left().length; i += 480) { // 10 ms blocks
            double r = rms(out.left(), i, i + 480);
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        assertThat(max / TONE_RMS).isCloseTo(1, within(0.05));
        assertThat(min / TONE_RMS).isLessThan(0.05);
    }

    @Test
    void vibratoModulatesThePitch() throws Exception {
        Pcm plain = Playback.pcm(Tones.sine(dir, 1000, 2), Filters.NONE);
        Pcm out = Playback.pcm(Tones.sine(dir, 1000, 2), filters("{\"vibrato\": {\"frequency\": 5, \"depth\": 1}}"));
        // ±2π·5 Hz·2.5 ms = ±7.9 % at depth 1; 20 ms windows see most of it
        assertThat(spread(out.left())).isGreaterThan(0.08);
        assertThat(spread(plain.left())).isLessThan(0.01);
    }

    /** (max - min) / mean of the frequency over 20 ms windows. */
    private static double spread(float[] s) {
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        int n = 0;
        for (int i = EDGE; i + 960 <= s.length - EDGE; i += 960) {
            double f = frequency(s, i, i + 960);
            min = Math.min(min, f);
            max = Math.max(max, f);
            sum += f;
            n++;
        }
        return (max - min) / (sum / n);
    }

    @Test
    void rotationPansBetweenTheChannels() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 1000, 2), filters("{\"rotation\": {\"rotationHz\": 1}}"));
        double minLeft = Double.MAX_VALUE;
        double maxLeft = 0;
        for (int i = 0; i + 960 <= out.left().length; i += 960) {
            double r = rms(out.left(), i, i + 960);
            minLeft = Math.min(minLeft, r);
            maxLeft = Math.max(maxLeft, r);
        }
        assertThat(minLeft / TONE_RMS).isLessThan(0.1);
        assertThat(maxLeft / TONE_RMS).isGreaterThan(1.3); // √2 at full left
    }

    @Test
    void distortionShapesTheWave() throws Exception {
        Pcm out = Playback.pcm(Tones.sine(dir, 440, 2), filters("{\"distortion\": {\"scale\": 0.5, \"offset\": 0.1}}"));
        double mean = 0;
        for (int i = EDGE; i < out.left().length - EDGE; i++) {
            mean += out.left()[i];
        }
        mean /= out.left().length - 2 * EDGE;
        assertThat(mean).isCloseTo(0.1, within(0.005));
        Pcm sin = Playback.pcm(Tones.sine(dir, 440, 2), filters("{\"distortion\": {\"sinScale\": 3}}"));
        // sin(3x) of a 0.5 sine peaks at sin(1.5) = 0.997
        float peak = 0;
        for (float v : sin.left()) {
            peak = Math.max(peak, v);
        }
        assertThat((double) peak).isCloseTo(0.997, within(0.01));
    }
}
