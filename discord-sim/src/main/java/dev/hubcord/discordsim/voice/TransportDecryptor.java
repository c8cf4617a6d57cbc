package dev.hubcord.discordsim.voice;

import com.google.crypto.tink.aead.internal.InsecureNonceXChaCha20Poly1305;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Removes the transport encryption of an rtpsize packet: AAD is the unencrypted header, the last 4 bytes are the
 * nonce counter, which padded with zeros forms the full nonce (12 bytes for AES-GCM, 24 for XChaCha20-Poly1305).
 */
final class TransportDecryptor {

    private final String mode;
    private final SecretKeySpec key;
    private final InsecureNonceXChaCha20Poly1305 xchacha;
    private final Cipher aes;

    TransportDecryptor(String mode, byte[] key) throws GeneralSecurityException {
        this.mode = mode;
        this.key = new SecretKeySpec(key.clone(), "AES");
        if (VoiceServerConfig.XCHACHA.equals(mode)) {
            xchacha = new InsecureNonceXChaCha20Poly1305(key);
            aes = null;
        } else if (VoiceServerConfig.AES_GCM.equals(mode)) {
            xchacha = null;
            aes = Cipher.getInstance("AES/GCM/NoPadding");
        } else {
            throw new GeneralSecurityException("unknown mode " + mode);
        }
    }

    String mode() {
        return mode;
    }

    /** Decrypts {@code packet[headerLength .. length-4)} with the header as AAD. */
    byte[] decrypt(byte[] packet, int length, int headerLength) throws GeneralSecurityException {
        if (length < headerLength + 16 + 4) {
            throw new GeneralSecurityException("packet too short: " + length);
        }
        byte[] aad = Arrays.copyOfRange(packet, 0, headerLength);
        byte[] sealed = Arrays.copyOfRange(packet, headerLength, length - 4);
        if (xchacha != null) {
            byte[] nonce = new byte[24];
            System.arraycopy(packet, length - 4, nonce, 0, 4);
            return xchacha.decrypt(nonce, sealed, aad);
        }
        byte[] nonce = new byte[12];
        System.arraycopy(packet, length - 4, nonce, 0, 4);
        aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        aes.updateAAD(aad);
        return aes.doFinal(sealed);
    }
}
