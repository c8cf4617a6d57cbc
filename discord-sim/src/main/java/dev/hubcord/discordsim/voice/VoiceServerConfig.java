package dev.hubcord.discordsim.voice;

import java.util.List;

/**
 * How the simulated voice server behaves.
 *
 * @param host the loopback address to bind (WebSocket and UDP)
 * @param modes the encryption modes offered in Ready, in order
 * @param heartbeatIntervalMs sent in Hello
 * @param resumeBuffer how many server messages a session keeps for a buffered resume
 * @param daveProtocolVersion the DAVE version the server runs: 1 (the default; Discord requires DAVE, so a client
 *     identifying with {@code max_dave_protocol_version} 0 is closed with 4017) or 0 (no end-to-end encryption)
 * @param transitionTimeoutMs how long a DAVE transition waits for every member's op 23 before op 22 goes out anyway
 *     (Discord does not wait forever for a stuck client; its exact timeout is not published, 10 s is our choice)
 */
public record VoiceServerConfig(String host, List<String> modes, int heartbeatIntervalMs, int resumeBuffer,
        int daveProtocolVersion, int transitionTimeoutMs) {

    public static final String AES_GCM = "aead_aes256_gcm_rtpsize";
    public static final String XCHACHA = "aead_xchacha20_poly1305_rtpsize";

    public VoiceServerConfig {
        modes = List.copyOf(modes);
        if (heartbeatIntervalMs < 50 || resumeBuffer < 1) {
            throw new IllegalArgumentException("heartbeatIntervalMs >= 50 and resumeBuffer >= 1 required");
        }
        if (transitionTimeoutMs < 1) {
            throw new IllegalArgumentException("transitionTimeoutMs >= 1 required");
        }
        if (daveProtocolVersion != 0 && daveProtocolVersion != 1) {
            throw new IllegalArgumentException("daveProtocolVersion must be 0 or 1, not " + daveProtocolVersion);
        }
    }

    /**
     * Both current modes offered, AES-GCM first, a 13.75 s heartbeat like Discord's, DAVE version 1 required, 10 s
     * transition timeout.
     */
    public static VoiceServerConfig defaults() {
        return new VoiceServerConfig("127.0.0.1", List.of(AES_GCM, XCHACHA), 13_750, 256, 1, 10_000);
    }

    public VoiceServerConfig withModes(List<String> newModes) {
        return new VoiceServerConfig(host, newModes, heartbeatIntervalMs, resumeBuffer, daveProtocolVersion, transitionTimeoutMs);
    }

    public VoiceServerConfig withHeartbeatIntervalMs(int ms) {
        return new VoiceServerConfig(host, modes, ms, resumeBuffer, daveProtocolVersion, transitionTimeoutMs);
    }

    public VoiceServerConfig withDaveProtocolVersion(int version) {
        return new VoiceServerConfig(host, modes, heartbeatIntervalMs, resumeBuffer, version, transitionTimeoutMs);
    }

    public VoiceServerConfig withTransitionTimeoutMs(int ms) {
        return new VoiceServerConfig(host, modes, heartbeatIntervalMs, resumeBuffer, daveProtocolVersion, ms);
    }
}
