package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;

/** Where a guild player's track events go (the hub). Called on the guild's executor, in order. */
public interface PlayerEvents {

    void trackStart(GuildPlayer player, QueuedTrack track);

    /** @param reason finished, loadFailed, stopped, replaced or cleanup */
    void trackEnd(GuildPlayer player, QueuedTrack track, String reason);

    void trackException(GuildPlayer player, QueuedTrack track, FriendlyException exception);

    void trackStuck(GuildPlayer player, QueuedTrack track, long thresholdMs);

    /** The queue or settings changed: a good moment to publish a snapshot. */
    void stateChanged(GuildPlayer player);

    /** Looks up the queued form of a lavaplayer track, for events about tracks no longer current. */
    static QueuedTrack orBare(QueuedTrack known, AudioTrack track, TrackCodec codec) {
        return known != null && known.track() == track ? known : new QueuedTrack(track, codec.encode(track), 0, 0);
    }
}
