package dev.hubcord.audio.transport;

import java.nio.ByteBuffer;

/**
 * The per-frame stage between the Opus encoder and transport encryption. Today only {@link #PASSTHROUGH}; DAVE's
 * end-to-end frame encryption plugs in here (its output is the Opus ciphertext plus tag, nonce and the {@code FAFA}
 * marker), without touching RTP or transport code. Called on the sender thread only, so it must not block.
 */
public interface FrameTransform {

    /** The largest output for an input of {@code frameLength} bytes, so the caller can size its buffer. */
    int maxOutputLength(int frameLength);

    /**
     * Transforms one Opus frame from {@code in} (position to limit) into {@code out} (from its position).
     *
     * @return {@code false} to drop the frame (e.g. no key yet); the frame is then counted as not sent
     */
    boolean transform(int ssrc, ByteBuffer in, ByteBuffer out);

    /** Copies the frame unchanged: no end-to-end encryption (DAVE protocol version 0). */
    FrameTransform PASSTHROUGH = new FrameTransform() {
        @Override
        public int maxOutputLength(int frameLength) {
            return frameLength;
        }

        @Override
        public boolean transform(int ssrc, ByteBuffer in, ByteBuffer out) {
            out.put(in);
            return true;
        }
    };
}
