package dev.hubcord.audio.testing;

import com.sedmelluq.discord.lavaplayer.natives.opus.OpusDecoder;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.util.List;

/** Decodes received Opus back to PCM with lavaplayer's native decoder and finds tones in it (Goertzel). */
public final class Pcm {

    private Pcm() {}

    /** The left channel of the frames, decoded in order (silence frames included). */
    public static short[] decode(List<ReceivedFrame> frames) {
        short[] out = new short[frames.size() * 960];
        int n = 0;
        OpusDecoder decoder = new OpusDecoder(48_000, 2);
        try {
            ByteBuffer in = ByteBuffer.allocateDirect(4096);
            ShortBuffer pcm = ByteBuffer.allocateDirect(960 * 2 * 2 * 6).order(java.nio.ByteOrder.nativeOrder())
                    .asShortBuffer();
            for (ReceivedFrame f : frames) {
                in.clear();
                in.put(f.opus()).flip();
                pcm.clear();
                int samples = decoder.decode(in, pcm);
                for (int i = 0; i < samples && n < out.length; i++) {
                    out[n++] = pcm.get(i * 2);
                }
            }
        } finally {
            decoder.close();
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Goertzel power of {@code hz} in the samples (48 kHz). */
    public static double power(short[] s, int from, int to, double hz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / 48_000);
        double q1 = 0;
        double q2 = 0;
        for (int i = from; i < to; i++) {
            double q0 = coeff * q1 - q2 + s[i];
            q2 = q1;
            q1 = q0;
        }
        return q1 * q1 + q2 * q2 - coeff * q1 * q2;
    }

    /** Which of the candidate frequencies dominates {@code s[from, to)}. */
    public static double dominant(short[] s, int from, int to, double... candidates) {
        double best = candidates[0];
        double bestPower = -1;
        for (double hz : candidates) {
            double p = power(s, from, to, hz);
            if (p > bestPower) {
                bestPower = p;
                best = hz;
            }
        }
        return best;
    }

    public static double rms(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return s.length == 0 ? 0 : Math.sqrt(sum / s.length);
    }
}
