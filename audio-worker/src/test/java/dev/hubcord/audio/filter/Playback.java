package dev.hubcord.audio.filter;

import com.sedmelluq.discord.lavaplayer.format.AudioDataFormat;
import com.sedmelluq.discord.lavaplayer.format.StandardAudioDataFormats;
import com.sedmelluq.discord.lavaplayer.player.AudioLoadResultHandler;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.local.LocalAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioPlaylist;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioFrame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Real lavaplayer decoding of local files through the filters, frames taken as fast as they come. PCM output
 * ({@link #pcm}) gives the filtered samples; Opus output ({@link #opus}) the frames as a voice connection would get
 * them.
 */
final class Playback implements AutoCloseable {

    /** Left and right channels, as floats in [-1, 1]. */
    record Pcm(float[] left, float[] right) {
        int frames() {
            return left.length / 960;
        }
    }

    private final DefaultAudioPlayerManager manager = new DefaultAudioPlayerManager();

    Playback(AudioDataFormat format) {
        manager.getConfiguration().setOutputFormat(format);
        manager.getConfiguration().setFilterHotSwapEnabled(true);
        manager.setFrameBufferDuration(200);
        manager.registerSourceManager(new LocalAudioSourceManager());
    }

    static Pcm pcm(Path file, Filters filters) throws Exception {
        return pcm(file, filters, (i, p) -> { });
    }

    /** Plays {@code file} through {@code filters}; {@code onFrame(index, player)} runs before each frame is taken. */
    static Pcm pcm(Path file, Filters filters, BiConsumer<Integer, AudioPlayer> onFrame) throws Exception {
        try (Playback p = new Playback(StandardAudioDataFormats.DISCORD_PCM_S16_BE)) {
            List<byte[]> frames = p.frames(file, filters, onFrame);
            float[] left = new float[frames.size() * 960];
            float[] right = new float[left.length];
            int n = 0;
            for (byte[] f : frames) {
                ByteBuffer b = ByteBuffer.wrap(f);
                for (int i = 0; i < f.length / 4; i++) {
                    left[n] = b.getShort() / 32768f;
                    right[n++] = b.getShort() / 32768f;
                }
            }
            return new Pcm(java.util.Arrays.copyOf(left, n), java.util.Arrays.copyOf(right, n));
        }
    }

    static List<byte[]> opus(Path file, Filters filters, BiConsumer<Integer, AudioPlayer> onFrame) throws Exception {
        try (Playback p = new Playback(StandardAudioDataFormats.DISCORD_OPUS)) {
            return p.frames(file, filters, onFrame);
        }
    }

    /** A player playing {@code file} through {@code filters}. */
    AudioPlayer start(Path file, Filters filters) throws Exception {
        AudioPlayer player = manager.createPlayer();
        if (filters.active()) {
            player.setFilterFactory(new FilterFactory(filters));
        }
        player.playTrack(load(file));
        return player;
    }

    List<byte[]> frames(Path file, Filters filters, BiConsumer<Integer, AudioPlayer> onFrame) throws Exception {
        AudioPlayer player = start(file, filters);
        List<byte[]> frames = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            onFrame.accept(frames.size(), player);
            AudioFrame f = player.provide(1, TimeUnit.SECONDS);
            if (f == null) {
                if (player.getPlayingTrack() == null) {
                    return frames;
                }
                continue;
            }
            frames.add(f.getData());
        }
        throw new AssertionError("the track did not end within 60 s");
    }

    private AudioTrack load(Path file) throws Exception {
        CompletableFuture<AudioTrack> track = new CompletableFuture<>();
        manager.loadItem(file.toString(), new AudioLoadResultHandler() {
            @Override
            public void trackLoaded(AudioTrack t) {
                track.complete(t);
            }

            @Override
            public void playlistLoaded(AudioPlaylist playlist) {
                track.completeExceptionally(new AssertionError("playlist"));
            }

            @Override
            public void noMatches() {
                track.completeExceptionally(new AssertionError("no matches for " + file));
            }

            @Override
            public void loadFailed(FriendlyException e) {
                track.completeExceptionally(e);
            }
        });
        return track.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        manager.shutdown();
    }

    // --- measurements ---

    static double rms(float[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return to <= from ? 0 : Math.sqrt(sum / (to - from));
    }

    static double rms(float[] s) {
        return rms(s, 0, s.length);
    }

    /** The frequency of a clean tone in {@code s[from, to)}, from its rising zero crossings. */
    static double frequency(float[] s, int from, int to) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings == 0 ? 0 : crossings * 48_000.0 / (last - first);
    }
}
