package dev.hubcord.audio.transport;

import java.util.List;

/** The transport encryption modes Discord still accepts, in the order this worker prefers them. */
public enum EncryptionMode {
    AEAD_AES256_GCM_RTPSIZE("aead_aes256_gcm_rtpsize", 12),
    AEAD_XCHACHA20_POLY1305_RTPSIZE("aead_xchacha20_poly1305_rtpsize", 24);

    private final String wireName;
    private final int nonceLength;

    EncryptionMode(String wireName, int nonceLength) {
        this.wireName = wireName;
        this.nonceLength = nonceLength;
    }

    public String wireName() {
        return wireName;
    }

    /** The full nonce length; only the first 4 bytes (the counter) travel in the packet. */
    public int nonceLength() {
        return nonceLength;
    }

    /** The preferred mode among those offered (AES-GCM when offered, else XChaCha20), or {@code null}. */
    public static EncryptionMode choose(List<String> offered) {
        for (EncryptionMode mode : values()) {
            if (offered.contains(mode.wireName)) {
                return mode;
            }
        }
        return null;
    }
}
