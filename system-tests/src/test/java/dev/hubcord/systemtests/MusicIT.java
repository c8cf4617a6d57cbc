package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.Music;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.Tracks;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A member asks for music (by URL and by words) and drives the player with every music command; the hub is left with
 * nothing pending.
 */
class MusicIT {

    @Test
    void playQueueSkipSeekVolumePauseStopLeave() {
        Deployment system = SharedSystem.get();
        Tracks tracks = SharedSystem.tracks();
        Music music = new Music(system.sim(), new Users(system, system.sim().guilds().get(1).path("id").asText()));

        assertThat(music.command("!play " + tracks.tone("music-a", 440, 120))).startsWith("Queued ");
        assertThat(music.command("!play " + tracks.tone("music-b", 550, 120))).startsWith("Queued ");
        assertThat(music.command("!play " + tracks.tone("music-c", 660, 120))).startsWith("Queued ");
        await("audio at the voice server").atMost(Duration.ofSeconds(20)).until(() -> music.frames() > 100);

        String queue = music.command("!queue");
        assertThat(queue).contains("Now: ").contains("\n1. ").contains("\n2. ").doesNotContain("\n3. ");
        assertThat(music.command("!skip")).isEqualTo("Skipped.");
        assertThat(music.command("!queue")).contains("\n1. ").doesNotContain("\n2. ");

        assertThat(music.command("!seek 1:00")).isEqualTo("Jumped to 1:00.");
        int at = Music.position(music.command("!nowplaying"));
        assertThat(at).isBetween(59, 70);
        // the track is 120 s long: the 90 s below would run it out, so go back to its start
        assertThat(music.command("!seek 0:00")).isEqualTo("Jumped to 0:00.");

        assertThat(music.command("!volume 50")).isEqualTo("Volume set to 50%.");
        assertThat(music.command("!volume")).isEqualTo("Volume is 50%.");

        music.command("!pause");
        await("silence while paused").atMost(Duration.ofSeconds(10)).until(() -> music.lastFrameAgeMs() > 1_000);
        assertThat(music.command("!nowplaying")).contains("(paused)");
        long pausedFrames = music.frames();
        music.command("!resume");
        await("audio again after resume").atMost(Duration.ofSeconds(10)).until(() -> music.frames() > pausedFrames + 50);

        // Minutes of music: a PLAYER_UPDATE a second (AUDIO_PLAYER_UPDATE_MS=1000) reaches a commands worker, which
        // has no use for it but acknowledges it, so the hub's unacknowledged events stay few all along.
        await("music playing for 90 s").during(Duration.ofSeconds(90)).atMost(Duration.ofSeconds(100))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> system.hub().metric("hub_acks_pending") < 10 && music.lastFrameAgeMs() < 500);

        assertThat(music.command("!stop")).isEqualTo("Stopped.");
        await("silence after stop").atMost(Duration.ofSeconds(10)).until(() -> music.lastFrameAgeMs() > 1_000);
        music.command("!leave");
        await("the bot left the voice channel").atMost(Duration.ofSeconds(10)).until(() -> !music.voiceConnected());

        // music by words: found in the audio workers' library, offline
        assertThat(music.command("!play concert pitch")).startsWith("Queued **Concert Pitch**");
        await("the found track plays").atMost(Duration.ofSeconds(20)).until(() -> music.lastFrameAgeMs() >= 0
                && music.lastFrameAgeMs() < 200);
        music.command("!leave");
        await("the bot left again").atMost(Duration.ofSeconds(10)).until(() -> !music.voiceConnected());

        // every PLAYER_UPDATE, TRACK_* and reply the workers received was acknowledged
        await("no acknowledgement pending at the hub").atMost(Duration.ofSeconds(15))
                .until(() -> system.hub().metric("hub_acks_pending") == 0);
    }
}
