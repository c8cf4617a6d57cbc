package dev.hubcord.audio.filter;

/**
 * Changes the tempo by {@code tempo} without changing the pitch: WSOLA (waveform-similarity overlap-add). Output is
 * built from Hann-windowed segments of {@code WINDOW} samples, one every {@code HOP = WINDOW/2} output samples (Hann
 * windows half overlapping sum to 1). The k-th segment is taken near input position {@code k·HOP·tempo}: within
 * ±{@code SEARCH} samples of it, where the input best matches (highest normalised cross-correlation on the channels'
 * sum, searched coarse to fine to keep the cost low) the natural continuation of the
 * previous segment, so the overlapping halves are in phase and no beating or clicks are heard.
 *
 * <p>The first segment after a start or a seek is copied unwindowed for its first half, so switching the filter on
 * does not fade the sound out and in. Input is kept only from the earliest position a later segment can use: the
 * buffer holds at most {@code HOP·tempo + WINDOW + 2·SEARCH} samples plus one incoming block.
 */
final class TimeStretch {

    static final int WINDOW = 1536;
    static final int HOP = WINDOW / 2;
    static final int SEARCH = 384;

    private static final float[] HANN = new float[WINDOW];

    static {
        for (int i = 0; i < WINDOW; i++) {
            HANN[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW));
        }
    }

    private final int channels;
    private float[][] in;
    private int inLen;
    /** Absolute input index of {@code in[..][0]}. */
    private long inBase;
    /** Where the next segment should start (absolute, before the similarity search). */
    private double nominal;
    /** Absolute start of the previous segment, or -1 before the first. */
    private long previous = -1;
    private final float[][] overlap;
    /** Scratch for the search: the previous segment's continuation and the candidates' region, channels summed. */
    private final float[] target = new float[HOP];
    private final float[] region = new float[2 * SEARCH + HOP + 1];

    TimeStretch(int channels) {
        this.channels = channels;
        this.in = new float[channels][WINDOW * 4];
        this.overlap = new float[channels][WINDOW];
    }

    void process(float[][] buf, int off, int len, double tempo, Sink sink) throws InterruptedException {
        append(buf, off, len);
        while ((long) nominal + SEARCH + WINDOW <= inBase + inLen) {
            long start = previous < 0 ? (long) nominal : bestStart((long) nominal);
            int s = (int) (start - inBase);
            for (int c = 0; c < channels; c++) {
                float[] o = overlap[c];
                float[] x = in[c];
                for (int i = 0; i < WINDOW; i++) {
                    o[i] += (previous < 0 && i < HOP ? 1 : HANN[i]) * x[s + i];
                }
            }
            sink.accept(overlap, 0, HOP);
            for (float[] o : overlap) {
                System.arraycopy(o, HOP, o, 0, HOP);
                java.util.Arrays.fill(o, HOP, WINDOW, 0);
            }
            previous = start;
            nominal += HOP * tempo;
        }
        discard(Math.min((long) nominal - SEARCH, previous < 0 ? Long.MAX_VALUE : previous + HOP));
    }

    /** After a seek: the next input is not a continuation of the last. */
    void reset() {
        inBase += inLen;
        inLen = 0;
        nominal = inBase;
        previous = -1;
        for (float[] o : overlap) {
            java.util.Arrays.fill(o, 0);
        }
    }

    /**
     * The candidate start near {@code around} whose first half best continues the previous segment. Coarse to fine:
     * every 8th offset compared on every 8th sample, then the 15 offsets around the best on every 2nd sample; on the
     * channels' sum, computed once per search.
     */
    private long bestStart(long around) {
        int target = (int) (previous + HOP - inBase);
        // relative before the cast: absolute indexes pass 2^31 after 12 h of audio
        int from = (int) (Math.max(around - SEARCH, inBase) - inBase);
        int to = (int) (around + SEARCH - inBase);
        mono(target, HOP, this.target);
        mono(from, to - from + HOP, region);
        int best = bestOf(from, from, to, 8, 8);
        best = bestOf(from, Math.max(from, best - 7), Math.min(to, best + 7), 1, 2);
        return inBase + best;
    }

    /** The candidate in [lo, hi] (every {@code step}-th) scoring best on every {@code stride}-th sample. */
    private int bestOf(int from, int lo, int hi, int step, int stride) {
        int best = lo;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int cand = lo; cand <= hi; cand += step) {
            int base = cand - from;
            double dot = 0;
            double energy = 1e-9;
            for (int i = 0; i < HOP; i += stride) {
                float b = region[base + i];
                dot += target[i] * b;
                energy += b * b;
            }
            double score = dot / Math.sqrt(energy);
            if (score > bestScore) {
                bestScore = score;
                best = cand;
            }
        }
        return best;
    }

    /** The channels' sum of {@code in[.][at, at+n)} into {@code out}. */
    private void mono(int at, int n, float[] out) {
        java.util.Arrays.fill(out, 0, n, 0);
        for (float[] x : in) {
            for (int i = 0; i < n; i++) {
                out[i] += x[at + i];
            }
        }
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

    /** Drops input before absolute index {@code keepFrom}. */
    private void discard(long keepFrom) {
        int drop = (int) Math.min(Math.max(0, keepFrom - inBase), inLen);
        if (drop > 0) {
            for (float[] x : in) {
                System.arraycopy(x, drop, x, 0, inLen - drop);
            }
            inLen -= drop;
            inBase += drop;
        }
    }
}
