package dev.hubcord.audio.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sedmelluq.discord.lavaplayer.player.AudioLoadResultHandler;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.source.local.LocalAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioPlaylist;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioFrame;
import dev.hubcord.audio.testing.Tones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoding threads of {@link PlaybackPlayerManager}: they decode real audio and run at the configured niceness. */
class PlaybackPlayerManagerTest {

    @TempDir
    Path dir;

    @Test
    void tracksDecodeOnRenicedThreadsAndFramesFlow() throws Exception {
        assumeTrue(ThreadNiceness.supported(), "thread niceness is Linux-only");
        PlaybackPlayerManager manager = new PlaybackPlayerManager(7);
        manager.registerSourceManager(new LocalAudioSourceManager());
        try {
            AudioPlayer player = manager.createPlayer();
            player.playTrack(load(manager, Tones.sine(dir, 440, 5).toString()));
            int frames = 0;
            for (int i = 0; i < 100 && frames < 20; i++) {
                AudioFrame frame = player.provide(200, TimeUnit.MILLISECONDS);
                if (frame != null && frame.getDataLength() > 0) {
                    frames++;
                }
            }
            assertThat(frames).as("Opus frames from the decoding thread").isEqualTo(20);
            // Other tests of this JVM leave decoding threads at the default 5; only this manager's run at 7.
            await().atMost(Duration.ofSeconds(5)).until(() -> nicesOfThreads("audio-decode-").contains(7));
            String own = Files.readString(Path.of("/proc/thread-self/stat"));
            assertThat(own.substring(own.lastIndexOf(')') + 2).split(" ")[16]).as("other threads keep theirs")
                    .isEqualTo("0");
        } finally {
            manager.shutdown();
        }
    }

    @Test
    void niceZeroLeavesThePriorityAlone() {
        assertThat(ThreadNiceness.lowerCurrentThread(0)).isFalse();
    }

    private static AudioTrack load(PlaybackPlayerManager manager, String file) throws Exception {
        CompletableFuture<AudioTrack> track = new CompletableFuture<>();
        manager.loadItem(file, new AudioLoadResultHandler() {
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
                track.completeExceptionally(new AssertionError("no matches"));
            }

            @Override
            public void loadFailed(FriendlyException e) {
                track.completeExceptionally(e);
            }
        });
        return track.get(10, TimeUnit.SECONDS);
    }

    /** The nice values (field 19 of /proc/self/task/TID/stat) of the threads whose names start with prefix. */
    private static java.util.Set<Integer> nicesOfThreads(String prefix) throws IOException {
        java.util.Set<Integer> nices = new java.util.HashSet<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String comm;
                String stat;
                try {
                    comm = Files.readString(task.resolve("comm")).trim();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                if (comm.startsWith(prefix)) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    nices.add(Integer.parseInt(fields[16])); // field 19 overall: after pid and comm, index 16
                }
            }
        }
        return nices;
    }
}
