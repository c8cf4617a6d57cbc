package dev.hubcord.audio.filter;

/**
 * A second-order IIR filter (transposed direct form II) for one signal. New coefficients keep the two state values,
 * so a change of settings does not click.
 */
final class Biquad {

    private double b0;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double z1;
    private double z2;

    /**
     * A constant 0 dB peak gain band-pass (the audio-EQ-cookbook's form): {@code H(s) = (s/Q) / (s² + s/Q + 1)}
     * through the bilinear transform, centred on {@code hz} with quality {@code q} (centre / bandwidth).
     */
    void bandPass(double hz, double q, int sampleRate) {
        double w0 = 2 * Math.PI * hz / sampleRate;
        double alpha = Math.sin(w0) / (2 * Math.max(q, 0.01));
        double a0 = 1 + alpha;
        b0 = alpha / a0;
        b1 = 0;
        b2 = -alpha / a0;
        a1 = -2 * Math.cos(w0) / a0;
        a2 = (1 - alpha) / a0;
    }

    double next(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }

    void reset() {
        z1 = 0;
        z2 = 0;
    }
}
