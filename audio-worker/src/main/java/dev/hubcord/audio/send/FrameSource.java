package dev.hubcord.audio.send;

import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;

/** Where the sender takes a guild's next Opus frame from. Both methods are called on the sender thread and must not block. */
public interface FrameSource {

    /** Fills {@code frame} with the next 20 ms of Opus; {@code false} when none is ready. */
    boolean provide(MutableAudioFrame frame);

    /** Whether a frame is expected now (a track is playing and not paused): frames missing then count as nulled. */
    boolean expectsFrames();
}
