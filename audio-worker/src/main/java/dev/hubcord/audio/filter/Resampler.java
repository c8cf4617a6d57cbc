package dev.hubcord.audio.filter;

/**
 * Plays the signal {@code ratio} times as fast (pitch and tempo together): output sample n is the input at position
 * {@code n·ratio}, read with 4-point cubic Hermite (Catmull-Rom) interpolation. There is no anti-alias filter, so a
 * ratio above 1 folds content above {@code 24 kHz / ratio} back down. The ratio may change between blocks; the
 * fractional read position carries over, so a change does not jump.
 */
final class Resampler {

    private static final int BLOCK = 1024;

    private final int channels;
    /** Input not yet fully used: the 3 samples around the read position from the previous block, then the new one. */
    private float[][] in;
    private int inLen;
    /** Read position in {@code in}, always at least 1 (one sample of history before it). */
    private double pos = 1;
    private final float[][] out;

    Resampler(int channels) {
        this.channels = channels;
        this.in = new float[channels][BLOCK * 2];
        this.out = new float[channels][BLOCK];
        this.inLen = 1; // one sample of silence as history
    }

    void process(float[][] buf, int off, int len, double ratio, Sink sink) throws InterruptedException {
        append(buf, off, len);
        int n = 0;
        while (pos + 2 < inLen) {
            int i = (int) pos;
            float t = (float) (pos - i);
            for (int c = 0; c < channels; c++) {
                float[] x = in[c];
                out[c][n] = hermite(x[i - 1], x[i], x[i + 1], x[i + 2], t);
            }
            pos += ratio;
            if (++n == BLOCK) {
                sink.accept(out, 0, n);
                n = 0;
            }
        }
        if (n > 0) {
            sink.accept(out, 0, n);
        }
        int keep = Math.min((int) pos - 1, inLen);
        for (float[] x : in) {
            System.arraycopy(x, keep, x, 0, inLen - keep);
        }
        inLen -= keep;
        pos -= keep;
    }

    void reset() {
        for (float[] x : in) {
            java.util.Arrays.fill(x, 0);
        }
        inLen = 1;
        pos = 1;
    }

    private void append(float[][] buf, int off, int len) {
        if (inLen + len > in[0].length) {
            float[][] bigger = new float[channels][Math.max(in[0].length * 2, inLen + len)];
            for (int c = 0; c < channels; c++) {
                System.arraycopy(in[c], 0, bigger[c], 0, inLen);
            }
            in = bigger;
        }
        for (int c = 0; c < channels; c++) {
            System.arraycopy(buf[c], off, in[c], inLen, len);
        }
        inLen += len;
    }

    static float hermite(float xm1, float x0, float x1, float x2, float t) {
        float c1 = 0.5f * (x1 - xm1);
        float c2 = xm1 - 2.5f * x0 + 2f * x1 - 0.5f * x2;
        float c3 = 0.5f * (x2 - xm1) + 1.5f * (x0 - x1);
        return ((c3 * t + c2) * t + c1) * t + x0;
    }
}
