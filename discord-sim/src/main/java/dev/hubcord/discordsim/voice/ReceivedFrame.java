package dev.hubcord.discordsim.voice;

/**
 * One Opus frame that arrived over RTP and decrypted.
 *
 * @param guildId the guild of the voice session the SSRC belongs to
 * @param ssrc the sender's SSRC from Ready
 * @param sequence the RTP sequence number
 * @param timestamp the RTP timestamp
 * @param opus the Opus frame after transport decryption
 * @param receivedNanos {@link System#nanoTime()} on arrival
 */
public record ReceivedFrame(long guildId, int ssrc, int sequence, long timestamp, byte[] opus, long receivedNanos) {

    /** Opus silence as Discord clients send it when they stop talking. */
    public boolean isSilence() {
        return opus.length == 3 && (opus[0] & 0xff) == 0xf8 && (opus[1] & 0xff) == 0xff && (opus[2] & 0xff) == 0xfe;
    }
}
