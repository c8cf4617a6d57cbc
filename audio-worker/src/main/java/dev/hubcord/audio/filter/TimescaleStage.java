package dev.hubcord.audio.filter;

/**
 * Timescale as SoundTouch-style controls: {@code speed} changes the tempo only, {@code pitch} the pitch only,
 * {@code rate} both. Done as a tempo change of {@code speed/pitch} ({@link TimeStretch}) followed by a resampling of
 * {@code pitch·rate} ({@link Resampler}), which shifts the pitch by {@code pitch·rate} and the tempo by the same, so
 * in total the output lasts {@code 1/(speed·rate)} of the input at {@code pitch·rate} times the frequency. Both steps
 * run for as long as the stage exists (with a factor of 1 they pass the signal through), so changing the settings
 * never drops what they hold.
 */
final class TimescaleStage {

    private final TimeStretch stretch;
    private final Resampler resampler;
    private Filters.Timescale settings;

    TimescaleStage(Filters.Timescale settings, int channels) {
        this.stretch = new TimeStretch(channels);
        this.resampler = new Resampler(channels);
        this.settings = settings;
    }

    void set(Filters.Timescale s) {
        settings = s;
    }

    void process(float[][] buf, int off, int len, Sink sink) throws InterruptedException {
        double ratio = settings.pitch() * settings.rate();
        stretch.process(buf, off, len, settings.speed() / settings.pitch(),
                (b, o, l) -> resampler.process(b, o, l, ratio, sink));
    }

    void reset() {
        stretch.reset();
        resampler.reset();
    }
}
