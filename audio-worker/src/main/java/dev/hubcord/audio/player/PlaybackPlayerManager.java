package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioConfiguration;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerOptions;
import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.track.InternalAudioTrack;
import com.sedmelluq.discord.lavaplayer.track.TrackStateListener;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioTrackExecutor;
import com.sedmelluq.discord.lavaplayer.track.playback.LocalAudioTrackExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * lavaplayer's manager with its own pool for the threads that decode and encode tracks (one per playing track, as
 * lavaplayer runs them), whose threads lower their priority ({@link ThreadNiceness}) before they start.
 *
 * <p>Why: every frame the sender takes wakes that track's decoding thread, so with a hundred players a hundred
 * threads wake every 20 ms on a few cores. At equal priority the scheduler lets them preempt the one sender thread,
 * which then misses its 20 ms deadlines although every buffer is full. Decoding is throughput work with five
 * seconds of buffer; sending is latency work; the niceness says so to the kernel.
 */
final class PlaybackPlayerManager extends DefaultAudioPlayerManager {

    private final ExecutorService playback;

    PlaybackPlayerManager(int decodeNice) {
        this.playback = Executors.newCachedThreadPool(new DecodeThreads(decodeNice));
    }

    @Override
    public void executeTrack(TrackStateListener listener, InternalAudioTrack track, AudioConfiguration configuration,
            AudioPlayerOptions playerOptions) {
        AudioTrackExecutor executor = track.createLocalExecutor(this);
        if (executor == null) {
            Integer perPlayer = playerOptions.frameBufferDuration.get();
            executor = new LocalAudioTrackExecutor(track, configuration, playerOptions, isUsingSeekGhosting(),
                    perPlayer != null ? perPlayer : getFrameBufferDuration());
        }
        track.assignExecutor(executor, true);
        AudioTrackExecutor run = executor;
        playback.execute(() -> run.execute(listener));
    }

    @Override
    public void shutdown() {
        super.shutdown();
        playback.shutdownNow();
        try {
            playback.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads named {@code audio-decode-N} that renice themselves first. */
    private record DecodeThreads(int nice, AtomicInteger counter) implements ThreadFactory {

        DecodeThreads(int nice) {
            this(nice, new AtomicInteger());
        }

        @Override
        public Thread newThread(Runnable task) {
            return Thread.ofPlatform().daemon().name("audio-decode-" + counter.incrementAndGet()).unstarted(() -> {
                ThreadNiceness.lowerCurrentThread(nice);
                task.run();
            });
        }
    }
}
