package dev.hubcord.hub.session;

/**
 * The statistics a client last sent with op 1; {@code -1} for a figure its type does not report.
 */
public record HeartbeatStats(long heapUsed, long guilds, long players, long playingPlayers, long inFlight) {

    public static final HeartbeatStats NONE = new HeartbeatStats(-1, -1, -1, -1, -1);
}
