package dev.hubcord.hub.session;

/**
 * The statistics a client last sent with op 1; {@code -1} for a figure its type does not report. The frame counts
 * are an audio worker's {@code frameStats} of the last complete minute (Lavalink's), for the Lavalink API's stats.
 */
public record HeartbeatStats(long heapUsed, long guilds, long players, long playingPlayers, long inFlight,
        long framesSent, long framesNulled, long framesDeficit) {

    public static final HeartbeatStats NONE = new HeartbeatStats(-1, -1, -1, -1, -1, -1, -1, -1);

    public HeartbeatStats(long heapUsed, long guilds, long players, long playingPlayers, long inFlight) {
        this(heapUsed, guilds, players, playingPlayers, inFlight, -1, -1, -1);
    }
}
