package dev.hubcord.audio.transport;

import com.google.crypto.tink.aead.internal.InsecureNonceXChaCha20Poly1305;
import dev.hubcord.audio.AudioException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals one RTP payload: AEAD with the RTP header as associated data and the nonce built from a 4-byte counter
 * followed by zeros. Not thread-safe: one instance per connection, used by the sender thread only.
 */
public sealed interface TransportCipher {

    /** The 16-byte AEAD tag every mode appends. */
    int TAG_LENGTH = 16;

    EncryptionMode mode();

    /**
     * Encrypts {@code plain} into {@code out} (ciphertext then tag), authenticating {@code aad}.
     *
     * @param nonce the full nonce ({@link EncryptionMode#nonceLength()} bytes)
     */
    void seal(byte[] aad, byte[] nonce, ByteBuffer plain, ByteBuffer out);

    static TransportCipher create(EncryptionMode mode, byte[] key) {
        if (key.length != 32) {
            throw new AudioException(AudioException.Kind.CRYPTO, "secret_key must be 32 bytes, got " + key.length);
        }
        try {
            return switch (mode) {
                case AEAD_AES256_GCM_RTPSIZE -> new AesGcm(key);
                case AEAD_XCHACHA20_POLY1305_RTPSIZE -> new XChaCha(key);
            };
        } catch (GeneralSecurityException e) {
            throw new AudioException(AudioException.Kind.CRYPTO, "cannot set up " + mode.wireName(), e);
        }
    }

    /** AES-256-GCM from the JCA (hardware AES on x86-64). */
    final class AesGcm implements TransportCipher {
        private final Cipher cipher;
        private final SecretKeySpec key;

        AesGcm(byte[] key) throws GeneralSecurityException {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            this.key = new SecretKeySpec(key, "AES");
        }

        @Override
        public EncryptionMode mode() {
            return EncryptionMode.AEAD_AES256_GCM_RTPSIZE;
        }

        @Override
        public void seal(byte[] aad, byte[] nonce, ByteBuffer plain, ByteBuffer out) {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                cipher.updateAAD(aad);
                cipher.doFinal(plain, out);
            } catch (GeneralSecurityException e) {
                throw new AudioException(AudioException.Kind.CRYPTO, "AES-GCM failed", e);
            }
        }
    }

    /** XChaCha20-Poly1305 from Tink: the JCA has ChaCha20-Poly1305 but not the extended-nonce variant. */
    final class XChaCha implements TransportCipher {
        private final InsecureNonceXChaCha20Poly1305 aead;

        XChaCha(byte[] key) throws GeneralSecurityException {
            this.aead = new InsecureNonceXChaCha20Poly1305(key);
        }

        @Override
        public EncryptionMode mode() {
            return EncryptionMode.AEAD_XCHACHA20_POLY1305_RTPSIZE;
        }

        @Override
        public void seal(byte[] aad, byte[] nonce, ByteBuffer plain, ByteBuffer out) {
            try {
                byte[] input = new byte[plain.remaining()]; // Tink takes the plaintext as a whole array
                plain.get(input);
                aead.encrypt(out, nonce, input, aad);
            } catch (GeneralSecurityException e) {
                throw new AudioException(AudioException.Kind.CRYPTO, "XChaCha20-Poly1305 failed", e);
            }
        }
    }
}
