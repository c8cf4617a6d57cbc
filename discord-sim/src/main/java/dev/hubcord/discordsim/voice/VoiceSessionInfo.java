package dev.hubcord.discordsim.voice;

/**
 * What tests may read about a voice session.
 *
 * @param guildId the guild ({@code server_id})
 * @param userId the identified user
 * @param sessionId the voice session id the client identified with
 * @param token the voice token the client identified with
 * @param ssrc the SSRC handed out in Ready
 * @param mode the encryption mode selected, or {@code null} before op 1
 * @param speaking whether the client has sent op 5 with a non-zero flag
 * @param maxDaveVersion the {@code max_dave_protocol_version} of identify
 */
public record VoiceSessionInfo(long guildId, long userId, String sessionId, String token, int ssrc, String mode,
        boolean speaking, int maxDaveVersion) {}
