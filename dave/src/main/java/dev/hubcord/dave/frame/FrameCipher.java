package dev.hubcord.dave.frame;

import dev.hubcord.dave.DaveException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-128-GCM with DAVE's 64-bit tag and 96-bit nonce built from the 32-bit truncated nonce. Uses BouncyCastle's
 * lightweight GCM because the JDK's {@code AES/GCM/NoPadding} rejects tags shorter than 96 bits.
 *
 * <p>One instance per key. Not thread-safe: callers serialise access (the encryptor and the decryptor each hold a
 * lock). After the first use the key schedule and GHASH tables are reused: re-initialising with a {@code null} key
 * only changes the nonce, which is what makes a per-frame init cheap.
 */
public final class FrameCipher {

    /** Bytes of the truncated tag. */
    public static final int TAG_BYTES = 8;
    private static final int NONCE_BYTES = 12;
    private static final byte[] NO_AAD = new byte[0];

    private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    private final KeyParameter key;
    private final byte[] nonce = new byte[NONCE_BYTES];
    private boolean keyed;

    public FrameCipher(byte[] key16) {
        if (key16.length != 16) {
            throw new IllegalArgumentException("AES-128 key must be 16 bytes, got " + key16.length);
        }
        this.key = new KeyParameter(key16.clone());
    }

    /**
     * Encrypts {@code in[inOff, inOff+len)} with AAD {@code aad} and writes ciphertext followed by the 8-byte tag.
     *
     * @return bytes written ({@code len + 8})
     */
    public int encrypt(int truncatedNonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        init(true, truncatedNonce, aad);
        try {
            int n = gcm.processBytes(in, inOff, len, out, outOff);
            return n + gcm.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new DaveException(DaveException.Kind.ENCRYPTION_FAILED, "AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts {@code in[inOff, inOff+len)}, which is ciphertext followed by the 8-byte tag, and writes the plaintext.
     *
     * @return plaintext length, or -1 when authentication fails
     */
    public int decrypt(int truncatedNonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len < TAG_BYTES) {
            return -1;
        }
        init(false, truncatedNonce, aad);
        try {
            int n = gcm.processBytes(in, inOff, len, out, outOff);
            return n + gcm.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            return -1;
        }
    }

    private void init(boolean encrypt, int truncatedNonce, byte[] aad) {
        // libdave copies the uint32 in host order (little-endian) after 8 zero bytes
        nonce[8] = (byte) truncatedNonce;
        nonce[9] = (byte) (truncatedNonce >>> 8);
        nonce[10] = (byte) (truncatedNonce >>> 16);
        nonce[11] = (byte) (truncatedNonce >>> 24);
        KeyParameter k = keyed ? null : key;
        gcm.init(encrypt, new AEADParameters(k, TAG_BYTES * 8, nonce, aad == null ? NO_AAD : aad));
        keyed = true;
    }
}
