package dev.hubcord.audio.filter;

/**
 * Centre removal. Sound panned to the centre (usually the voice) is the same in both channels, so it is the mid
 * signal {@code m = (L+R)/2}; side-panned sound is not. Output: {@code L - level·m + monoLevel·bp(m)} and the same
 * for R, where {@code bp} is a band-pass (a biquad centred on {@code filterBand} Hz, {@code filterWidth} Hz wide)
 * that gives back the centre's bass, which is usually wanted. Mono input (L = R) with level 1 and monoLevel 0 comes
 * out silent.
 */
final class KaraokeStage implements Stage {

    private final int sampleRate;
    private final Biquad bandPass = new Biquad();
    private Filters.Karaoke settings;

    KaraokeStage(Filters.Karaoke settings, int sampleRate) {
        this.sampleRate = sampleRate;
        set(settings);
    }

    void set(Filters.Karaoke s) {
        settings = s;
        double centre = Math.min(s.filterBand(), sampleRate * 0.45);
        bandPass.bandPass(centre, centre / s.filterWidth(), sampleRate);
    }

    @Override
    public void process(float[][] buf, int off, int len) {
        if (buf.length < 2) {
            return;
        }
        double level = settings.level();
        double mono = settings.monoLevel();
        for (int i = off; i < off + len; i++) {
            double mid = (buf[0][i] + buf[1][i]) / 2;
            double kept = bandPass.next(mid);
            float change = (float) (-level * mid + mono * kept);
            buf[0][i] += change;
            buf[1][i] += change;
        }
    }

    @Override
    public void reset() {
        bandPass.reset();
    }
}
