package dev.hubcord.audio.filter;

/** The stages that are a few lines of math each: a gain, an LFO, a matrix, a wave shaper, a one-pole filter. */
final class SimpleStages {

    private static final double TWO_PI = 2 * Math.PI;

    private SimpleStages() {}

    /** Multiplies every sample. */
    static final class Volume implements Stage {
        private float gain;

        Volume(double gain) {
            set(gain);
        }

        void set(double gain) {
            this.gain = (float) gain;
        }

        @Override
        public void process(float[][] buf, int off, int len) {
            float g = gain;
            for (float[] ch : buf) {
                for (int i = off; i < off + len; i++) {
                    ch[i] *= g;
                }
            }
        }
    }

    /** Gain {@code 1 - depth·(1 - cos φ)/2}: 1 at φ = 0, {@code 1 - depth} half a period later. */
    static final class Tremolo implements Stage {
        private final int sampleRate;
        private Filters.Tremolo settings;
        private double phase;

        Tremolo(Filters.Tremolo settings, int sampleRate) {
            this.sampleRate = sampleRate;
            this.settings = settings;
        }

        void set(Filters.Tremolo s) {
            settings = s;
        }

        @Override
        public void process(float[][] buf, int off, int len) {
            double step = TWO_PI * settings.frequency() / sampleRate;
            double depth = settings.depth();
            for (int i = off; i < off + len; i++) {
                float g = (float) (1 - depth * (1 - Math.cos(phase)) / 2);
                for (float[] ch : buf) {
                    ch[i] *= g;
                }
                phase = (phase + step) % TWO_PI;
            }
        }
    }

    /**
     * Constant-power panning whose position goes round with {@code rotationHz}: pan {@code p = sin φ} in [-1, 1],
     * left gain {@code √2·cos((p+1)π/4)}, right gain {@code √2·sin((p+1)π/4)}, so both are 1 at the centre.
     */
    static final class Rotation implements Stage {
        private final int sampleRate;
        private double hz;
        private double phase;

        Rotation(double hz, int sampleRate) {
            this.sampleRate = sampleRate;
            this.hz = hz;
        }

        void set(double hz) {
            this.hz = hz;
        }

        @Override
        public void process(float[][] buf, int off, int len) {
            if (buf.length < 2) {
                return;
            }
            double step = TWO_PI * hz / sampleRate;
            for (int i = off; i < off + len; i++) {
                double angle = (Math.sin(phase) + 1) * Math.PI / 4;
                buf[0][i] *= (float) (Math.sqrt(2) * Math.cos(angle));
                buf[1][i] *= (float) (Math.sqrt(2) * Math.sin(angle));
                phase = (phase + step) % TWO_PI;
            }
        }
    }

    /**
     * Wave shaping, each step only when its settings differ from the default: {@code x = sin(x·sinScale +
     * sinOffset)}, then the same with cos and tan, then {@code y = x·scale + offset}, clamped to [-1, 1].
     */
    static final class Distortion implements Stage {
        private Filters.Distortion s;

        Distortion(Filters.Distortion s) {
            this.s = s;
        }

        void set(Filters.Distortion s) {
            this.s = s;
        }

        @Override
        public void process(float[][] buf, int off, int len) {
            Filters.Distortion d = s;
            boolean sin = d.sin();
            boolean cos = d.cos();
            boolean tan = d.tan();
            for (float[] ch : buf) {
                for (int i = off; i < off + len; i++) {
                    double x = ch[i];
                    if (sin) {
                        x = Math.sin(x * d.sinScale() + d.sinOffset());
                    }
                    if (cos) {
                        x = Math.cos(x * d.cosScale() + d.cosOffset());
                    }
                    if (tan) {
                        x = Math.tan(x * d.tanScale() + d.tanOffset());
                    }
                    ch[i] = (float) Math.clamp(x * d.scale() + d.offset(), -1, 1);
                }
            }
        }
    }

    /** A 2×2 matrix over the left and right channels. */
    static final class ChannelMix implements Stage {
        private Filters.ChannelMix m;

        ChannelMix(Filters.ChannelMix m) {
            this.m = m;
        }

        void set(Filters.ChannelMix m) {
            this.m = m;
        }

        @Override
        public void process(float[][] buf, int off, int len) {
            if (buf.length < 2) {
                return;
            }
            Filters.ChannelMix c = m;
            float ll = (float) c.leftToLeft();
            float lr = (float) c.leftToRight();
            float rl = (float) c.rightToLeft();
            float rr = (float) c.rightToRight();
            for (int i = off; i < off + len; i++) {
                float l = buf[0][i];
                float r = buf[1][i];
                buf[0][i] = ll * l + rl * r;
                buf[1][i] = lr * l + rr * r;
            }
        }
    }

    /** {@code y += (x - y) / smoothing}: a one-pole low-pass whose cut-off falls as smoothing rises. */
    static final class LowPass implements Stage {
        private double smoothing;
        private float[] last = new float[0];

        LowPass(double smoothing) {
            this.smoothing = smoothing;
        }

        void set(double smoothing) {
            this.smoothing = smoothing;
        }

        @Override
        public void process(float[][] buf, int off, int len) {
            if (last.length != buf.length) {
                last = new float[buf.length];
            }
            float k = (float) (1 / smoothing);
            for (int c = 0; c < buf.length; c++) {
                float y = last[c];
                float[] ch = buf[c];
                for (int i = off; i < off + len; i++) {
                    y += (ch[i] - y) * k;
                    ch[i] = y;
                }
                last[c] = y;
            }
        }

        @Override
        public void reset() {
            java.util.Arrays.fill(last, 0);
        }
    }
}
