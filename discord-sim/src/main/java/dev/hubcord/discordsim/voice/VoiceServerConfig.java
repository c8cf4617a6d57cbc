package dev.hubcord.discordsim.voice;

import java.util.List;

/**
 * How the simulated voice server behaves.
 *
 * @param host the loopback address to bind (WebSocket and UDP)
 * @param modes the encryption modes offered in Ready, in order
 * @param heartbeatIntervalMs sent in Hello
 * @param resumeBuffer how many server messages a session keeps for a buffered resume
 */
public record VoiceServerConfig(String host, List<String> modes, int heartbeatIntervalMs, int resumeBuffer) {

    public static final String AES_GCM = "aead_aes256_gcm_rtpsize";
    public static final String XCHACHA = "aead_xchacha20_poly1305_rtpsize";

    public VoiceServerConfig {
        modes = List.copyOf(modes);
        if (heartbeatIntervalMs < 50 || resumeBuffer < 1) {
            throw new IllegalArgumentException("heartbeatIntervalMs >= 50 and resumeBuffer >= 1 required");
        }
    }

    /** Both current modes offered, AES-GCM first, a 13.75 s heartbeat like Discord's. */
    public static VoiceServerConfig defaults() {
        return new VoiceServerConfig("127.0.0.1", List.of(AES_GCM, XCHACHA), 13_750, 256);
    }

    public VoiceServerConfig withModes(List<String> newModes) {
        return new VoiceServerConfig(host, newModes, heartbeatIntervalMs, resumeBuffer);
    }

    public VoiceServerConfig withHeartbeatIntervalMs(int ms) {
        return new VoiceServerConfig(host, modes, ms, resumeBuffer);
    }
}
