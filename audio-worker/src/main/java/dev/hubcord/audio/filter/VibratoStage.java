package dev.hubcord.audio.filter;

/**
 * Pitch vibrato through a modulated delay: each channel is read from a delay line at {@code depth · 5 ms · (1 - cos
 * φ)/2} behind the input, φ going round {@code frequency} times a second. A delay that grows lowers the pitch and one
 * that shrinks raises it (at 14 Hz and depth 1 by up to ±22 %). Fractional delays are read by linear interpolation.
 */
final class VibratoStage implements Stage {

    private static final double MAX_DELAY_S = 0.005;

    private final int sampleRate;
    private final int size;
    private Filters.Vibrato settings;
    private float[][] lines = new float[0][];
    private int write;
    private double phase;

    VibratoStage(Filters.Vibrato settings, int sampleRate) {
        this.sampleRate = sampleRate;
        this.size = (int) Math.ceil(MAX_DELAY_S * sampleRate) + 3;
        this.settings = settings;
    }

    void set(Filters.Vibrato s) {
        settings = s;
    }

    @Override
    public void process(float[][] buf, int off, int len) {
        if (lines.length != buf.length) {
            lines = new float[buf.length][size];
        }
        double step = 2 * Math.PI * settings.frequency() / sampleRate;
        double swing = settings.depth() * MAX_DELAY_S * sampleRate;
        for (int i = off; i < off + len; i++) {
            double delay = swing * (1 - Math.cos(phase)) / 2;
            double read = write - delay;
            if (read < 0) {
                read += size;
            }
            int i0 = (int) read;
            int i1 = i0 + 1 == size ? 0 : i0 + 1;
            float frac = (float) (read - i0);
            for (int c = 0; c < buf.length; c++) {
                float[] line = lines[c];
                line[write] = buf[c][i];
                buf[c][i] = line[i0] + (line[i1] - line[i0]) * frac;
            }
            write = write + 1 == size ? 0 : write + 1;
            phase = (phase + step) % (2 * Math.PI);
        }
    }

    @Override
    public void reset() {
        for (float[] line : lines) {
            java.util.Arrays.fill(line, 0);
        }
    }
}
