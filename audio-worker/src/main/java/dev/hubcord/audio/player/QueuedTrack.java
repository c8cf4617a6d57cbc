package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.track.AudioTrack;

/**
 * A track waiting or playing, with the encoded form kept for snapshots.
 *
 * @param track a lavaplayer track instance, played at most once
 * @param encoded its base64 encoding (Lavalink's {@code encoded})
 * @param startTime where to start, ms (0 = beginning)
 * @param endTime where to stop as if finished, ms (0 = the end)
 */
public record QueuedTrack(AudioTrack track, String encoded, long startTime, long endTime) {

    public QueuedTrack {
        if (startTime < 0 || endTime < 0 || (endTime > 0 && endTime <= startTime)) {
            throw new IllegalArgumentException("need 0 <= startTime < endTime (0 = no end), got " + startTime
                    + " and " + endTime);
        }
    }

    /**
     * A fresh instance of the same track and times (a lavaplayer track cannot be played twice), without the user data
     * lavaplayer's clone copies (the guild player marks tracks with it).
     */
    public QueuedTrack again() {
        AudioTrack clone = track.makeClone();
        clone.setUserData(null);
        return new QueuedTrack(clone, encoded, startTime, endTime);
    }
}
