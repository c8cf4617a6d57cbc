package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.natives.opus.OpusDecoder;
import com.sedmelluq.discord.lavaplayer.natives.opus.OpusEncoder;
import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * Mixes the Opus frames of an ending and a starting track into one, with an equal-power curve: the ending track at
 * {@code cos(p·π/2)}, the starting one at {@code sin(p·π/2)}, {@code p} going from 0 to 1 across the fade, so that two
 * unrelated signals keep their loudness throughout (cos² + sin² = 1).
 *
 * <p>Why in the Opus domain: lavaplayer hands the player finished Opus frames (and passes an Opus source's packets
 * through undecoded); mixing where the frames are taken keeps the fade exactly where the listener hears it, and
 * costs two decodes and one encode per 20 ms only while a fade runs. Outside a fade nothing is decoded, so
 * passthrough stays. The native codecs are made at the first mixed frame and freed by {@link #close} at the fade's
 * end; the methods are synchronized because {@link #close} may also come from the guild's executor (a player
 * destroyed mid-fade) while the sender mixes.
 */
final class Crossfader {

    private static final int SAMPLES = 960; // per channel, 20 ms at 48 kHz
    private static final int MAX_SAMPLES = 5760; // the longest Opus packet, 120 ms

    private final int quality;
    private OpusDecoder ending;
    private OpusDecoder starting;
    private OpusEncoder encoder;
    private ByteBuffer in;
    private ShortBuffer pcmA;
    private ShortBuffer pcmB;
    private ShortBuffer mixed;
    private ByteBuffer out;
    private final byte[] bytes = new byte[4096];

    /** @param quality the Opus encoder complexity (the worker's {@code AUDIO_OPUS_QUALITY}) */
    Crossfader(int quality) {
        this.quality = quality;
    }

    /**
     * Replaces {@code a} (the ending track's frame) with the mix of it and {@code b} at fade progress {@code p}.
     * Leaves {@code a} as it was if a frame does not decode (it is then sent unmixed: better than a gap).
     */
    synchronized void mix(MutableAudioFrame a, MutableAudioFrame b, double p) {
        open();
        int na = decode(ending, a, pcmA);
        int nb = decode(starting, b, pcmB);
        if (na < 0 || nb < 0) {
            return;
        }
        double angle = Math.clamp(p, 0, 1) * Math.PI / 2;
        double gainA = Math.cos(angle);
        double gainB = Math.sin(angle);
        mixed.clear();
        for (int i = 0; i < SAMPLES * 2; i++) {
            double va = i < na * 2 ? pcmA.get(i) : 0;
            double vb = i < nb * 2 ? pcmB.get(i) : 0;
            long v = Math.round(va * gainA + vb * gainB);
            mixed.put((short) Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
        }
        mixed.flip();
        out.clear();
        int length = encoder.encode(mixed, SAMPLES, out);
        if (length <= 0) {
            return;
        }
        out.get(bytes, 0, length);
        a.store(bytes, 0, length);
    }

    /** Samples per channel decoded into {@code pcm}, or -1. */
    private int decode(OpusDecoder decoder, MutableAudioFrame frame, ShortBuffer pcm) {
        int length = frame.getDataLength();
        if (length <= 0 || length > bytes.length) {
            return -1;
        }
        frame.getData(bytes, 0);
        in.clear();
        in.put(bytes, 0, length).flip();
        pcm.clear();
        int n = decoder.decode(in, pcm);
        return n > 0 ? Math.min(n, SAMPLES) : -1;
    }

    private void open() {
        if (encoder != null) {
            return;
        }
        ending = new OpusDecoder(48_000, 2);
        starting = new OpusDecoder(48_000, 2);
        encoder = new OpusEncoder(48_000, 2, quality);
        in = ByteBuffer.allocateDirect(bytes.length);
        pcmA = shorts(MAX_SAMPLES * 2);
        pcmB = shorts(MAX_SAMPLES * 2);
        mixed = shorts(SAMPLES * 2);
        out = ByteBuffer.allocateDirect(bytes.length);
    }

    private static ShortBuffer shorts(int n) {
        return ByteBuffer.allocateDirect(n * 2).order(ByteOrder.nativeOrder()).asShortBuffer();
    }

    /** Whether codecs are held (a fade ran since the last {@link #close}). */
    synchronized boolean isOpen() {
        return encoder != null;
    }

    /** Frees the codecs; the next {@link #mix} starts afresh. */
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
