package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.natives.opus.OpusDecoder;
import com.sedmelluq.discord.lavaplayer.natives.opus.OpusEncoder;
import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * Mixes the Opus frames of an ending and a starting track, with an equal-power curve: the ending track at
 * {@code cos(p·π/2)}, the starting one at {@code sin(p·π/2)}, {@code p} going from 0 to 1 across the fade, so that two
 * unrelated signals keep their loudness throughout (cos² + sin² = 1).
 *
 * <p>Why in the Opus domain: lavaplayer hands the player finished Opus frames (and passes an Opus source's packets
 * through undecoded); mixing where the frames are taken keeps the fade exactly where the listener hears it, and costs
 * two decodes and one encode per 20 ms only while a fade runs. Outside a fade nothing is decoded, so passthrough stays.
 *
 * <p>Time alignment: an Opus encoder's output lags its input by its look-ahead ({@value #LOOKAHEAD} samples at
 * 48 kHz). Fed frame by frame, the mixed stream would repeat 6.5 ms where it takes over from the ending track's own
 * frames and skip 6.5 ms where the starting track's own frames take over again, and the listener's decoder would stumble
 * at both seams. So the mixer works one frame ahead: {@link #push} takes the frames of mixed frame {@code i + 1} and
 * encodes the window that comes out as exactly mixed frame {@code i}. The ending track's frames before the fade warm
 * the encoder up ({@link #warm}); and where the starting track's own frames take over again, two frames of it alone
 * are still encoded here first ({@code Handover}), for the same reason: both seams then measure within 5 % of the
 * tracks' loudness on a pure tone, where a cold switch of encoder dips to 0.6 or jumps to 1.5 for three frames. The
 * codecs are made by {@link #warm} and freed by {@link #close}; the methods are synchronized
 * because {@link #close} may also come from the guild's executor (a player destroyed mid-fade).
 */
final class Crossfader {

    /** Samples per channel in 20 ms at 48 kHz. */
    private static final int SAMPLES = 960;
    /** libopus's encoder look-ahead at 48 kHz (2.5 ms of window overlap plus 4 ms of delay compensation). */
    static final int LOOKAHEAD = 312;
    private static final int MAX_SAMPLES = 5760; // the longest Opus packet, 120 ms

    private final int quality;
    private OpusDecoder ending;
    private OpusDecoder starting;
    private OpusEncoder encoder;
    private ByteBuffer in;
    private ShortBuffer decoded;
    private ShortBuffer window;
    private ByteBuffer out;
    private final byte[] bytes = new byte[4096];
    /** Mixed frame {@code i} (interleaved stereo), not encoded yet, and the one being mixed. */
    private short[] current = new short[SAMPLES * 2];
    private short[] next = new short[SAMPLES * 2];
    private boolean warming;

    /** @param quality the Opus encoder complexity (the worker's {@code AUDIO_OPUS_QUALITY}) */
    Crossfader(int quality) {
        this.quality = quality;
    }

    /**
     * Starts a fade: opens the codecs and runs the ending track's last frames before the fade through them, oldest
     * first ({@code count} frames of the ring {@code before}, ending at index {@code (count - 1) % length}; none: the
     * warm-up sees silence). Their output is not sent (they went out as they were): it brings the encoder's state
     * (band energies, pitch pre-filter) to what the listener's decoder already has, else the listener would hear the
     * switch of encoder as a dip in loudness over three frames.
     */
    synchronized void warm(MutableAudioFrame[] before, int count) {
        close();
        ending = new OpusDecoder(48_000, 2);
        starting = new OpusDecoder(48_000, 2);
        encoder = new OpusEncoder(48_000, 2, quality);
        in = ByteBuffer.allocateDirect(bytes.length);
        decoded = ByteBuffer.allocateDirect(MAX_SAMPLES * 4).order(ByteOrder.nativeOrder()).asShortBuffer();
        window = ByteBuffer.allocateDirect(SAMPLES * 4).order(ByteOrder.nativeOrder()).asShortBuffer();
        out = ByteBuffer.allocateDirect(bytes.length);
        java.util.Arrays.fill(current, (short) 0);
        int n = Math.min(count, before.length);
        for (int i = 0; i < n; i++) {
            MutableAudioFrame f = before[(count - n + i) % before.length];
            if (i == 0) {
                add(ending, f, 1, current);
            } else {
                push(f, null, 0, null);
            }
        }
        warming = true; // the window that comes out as the last frame before the fade is not sent either
    }

    /**
     * Mixes the next frame of each track ({@code null}: silence, e.g. the ending track has ended) at progress {@code p}
     * and encodes the previous mixed frame into {@code target} ({@code null}: not wanted). {@code false} when nothing
     * is to be sent: the first call after {@link #warm} only warms the encoder up, and a frame that does not encode is
     * left out (the caller sends its own).
     */
    synchronized boolean push(MutableAudioFrame a, MutableAudioFrame b, double p, MutableAudioFrame target) {
        if (encoder == null) {
            return false;
        }
        double angle = Math.clamp(p, 0, 1) * Math.PI / 2;
        java.util.Arrays.fill(next, (short) 0);
        if (a != null) {
            add(ending, a, Math.cos(angle), next);
        }
        if (b != null) {
            add(starting, b, Math.sin(angle), next);
        }
        window.clear();
        window.put(current, LOOKAHEAD * 2, (SAMPLES - LOOKAHEAD) * 2).put(next, 0, LOOKAHEAD * 2).flip();
        short[] done = current;
        current = next;
        next = done;
        out.clear();
        int length = encoder.encode(window, SAMPLES, out);
        if (target == null) {
            return false;
        }
        boolean warmUp = warming;
        warming = false;
        if (warmUp || length <= 0) {
            return false;
        }
        out.get(bytes, 0, length);
        target.store(bytes, 0, length);
        return true;
    }

    /** Decodes {@code frame} and adds it at {@code gain} to {@code mix}, clamped; a frame that fails adds nothing. */
    private void add(OpusDecoder decoder, MutableAudioFrame frame, double gain, short[] mix) {
        int length = frame.getDataLength();
        if (length <= 0 || length > bytes.length) {
            return;
        }
        frame.getData(bytes, 0);
        in.clear();
        in.put(bytes, 0, length).flip();
        decoded.clear();
        int n = Math.min(decoder.decode(in, decoded), SAMPLES);
        for (int i = 0; i < n * 2; i++) {
            long v = Math.round(mix[i] + decoded.get(i) * gain);
            mix[i] = (short) Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    }

    /** Frees the codecs (a fade ended or was cancelled). */
    synchronized void close() {
        if (encoder == null) {
            return;
        }
        ending.close();
        starting.close();
        encoder.close();
        ending = null;
        starting = null;
        encoder = null;
    }
}
