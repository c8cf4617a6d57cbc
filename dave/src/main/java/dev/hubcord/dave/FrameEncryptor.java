package dev.hubcord.dave;

import dev.hubcord.dave.frame.FrameCipher;
import dev.hubcord.dave.frame.FrameFormat;
import dev.hubcord.dave.ratchet.CryptorManager;
import dev.hubcord.dave.ratchet.KeyRatchet;

/**
 * Send-side DAVE transform for this connection's own Opus frames, applied before RTP and transport encryption.
 *
 * <p>At protocol version 0 (passthrough, the state before the first executed transition) frames are copied unchanged.
 * At version 1 each frame becomes {@code ciphertext | 8-byte tag | ULEB128 nonce | size | FA FA}: the nonce counts up
 * from 1 per installed ratchet, and its top byte selects the ratchet generation. The Opus silence frame
 * {@code F8 FF FE} always goes out unencrypted (receivers pass it through; koe and Lavalink do the same).
 *
 * <p>Thread-safe; meant to be called from one sender thread while {@link DaveSession} installs ratchets from the
 * gateway thread.
 */
public final class FrameEncryptor {

    private KeyRatchet ratchet;
    private FrameCipher cipher;
    private long generation;
    private int truncatedNonce;

    FrameEncryptor() {
    }

    /** 0 while frames pass through, 1 while they are encrypted. */
    public synchronized int protocolVersion() {
        return ratchet == null ? DaveProtocol.DISABLED_VERSION : DaveProtocol.MAX_PROTOCOL_VERSION;
    }

    /** Installs a new epoch's ratchet ({@code null}: passthrough) and restarts the nonce at 0. */
    synchronized void setKeyRatchet(KeyRatchet newRatchet) {
        this.ratchet = newRatchet;
        this.cipher = null;
        this.generation = 0;
        this.truncatedNonce = 0;
    }

    /** Upper bound of the output size for an Opus frame of {@code frameLength} bytes. */
    public static int maxEncryptedSize(int frameLength) {
        return frameLength + FrameFormat.MAX_OPUS_OVERHEAD;
    }

    /** Encrypts (or passes through) one Opus frame into a new array. */
    public byte[] encrypt(byte[] frame) {
        byte[] out = new byte[maxEncryptedSize(frame.length)];
        int n = encrypt(frame, 0, frame.length, out, 0);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * Encrypts (or passes through) {@code frame[off, off+len)} into {@code out} at {@code outOff}.
     *
     * @return bytes written
     * @throws DaveException {@code BUFFER_TOO_SMALL} when {@code out} has less than {@link #maxEncryptedSize} room
     */
    public synchronized int encrypt(byte[] frame, int off, int len, byte[] out, int outOff) {
        if (ratchet == null || FrameFormat.isOpusSilence(frame, off, len)) {
            if (out.length - outOff < len) {
                throw new DaveException(DaveException.Kind.BUFFER_TOO_SMALL, "need " + len + " bytes");
            }
            System.arraycopy(frame, off, out, outOff, len);
            return len;
        }
        if (out.length - outOff < maxEncryptedSize(len)) {
            throw new DaveException(DaveException.Kind.BUFFER_TOO_SMALL, "need " + maxEncryptedSize(len) + " bytes");
        }
        int nonce = ++truncatedNonce;
        long nextGeneration = CryptorManager.wrap(generation, nonce >>> FrameFormat.GENERATION_SHIFT);
        if (cipher == null || nextGeneration != generation) {
            if (cipher != null) {
                ratchet.erase(generation);
            }
            generation = nextGeneration;
            cipher = new FrameCipher(ratchet.key(generation));
        }
        int pos = outOff + cipher.encrypt(nonce, null, frame, off, len, out, outOff);
        return FrameFormat.writeTrailer(nonce, out, pos) - outOff;
    }
}
