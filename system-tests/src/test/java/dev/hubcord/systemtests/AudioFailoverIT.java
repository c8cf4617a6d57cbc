package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.Music;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.Tracks;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the audio worker playing a queue mid-track: within 10 s the other audio worker plays on, with the
 * same queue, current track, position (within 2 s), volume and pause state.
 */
class AudioFailoverIT {

    private final Deployment system = SharedSystem.get();

    @AfterEach
    void heal() {
        system.heal();
    }

    @Test
    void theOtherAudioWorkerPlaysOnWhereTheKilledOneWas() {
        Tracks tracks = SharedSystem.tracks();
        Music music = new Music(system.sim(), new Users(system, system.sim().guilds().get(5).path("id").asText()));
        String guild = music.guildId();
        music.command("!play " + tracks.tone("failover-a", 300, 120));
        music.command("!play " + tracks.tone("failover-b", 350, 120));
        music.command("!play " + tracks.tone("failover-c", 400, 120));
        await("audio at the voice server").atMost(Duration.ofSeconds(20)).until(() -> music.frames() > 100);
        assertThat(music.command("!seek 0:40")).isEqualTo("Jumped to 0:40.");
        assertThat(music.command("!volume 70")).isEqualTo("Volume set to 70%.");
        String queueBefore = music.command("!queue");
        JsonNode before = player(guild);
        assertThat(before.path("player").path("volume").asInt()).as("the hub holds what the user was told").isEqualTo(70);
        String killed = before.path("worker").asText();
        assertThat(killed).startsWith("audio-");
        long positionBefore = position(before);
        long killedAt = System.currentTimeMillis();
        // a new voice connection has a new SSRC (the session ID is the bot's gateway session's, so it stays)
        long ssrcBefore = system.sim().voice(guild).path("session").path("ssrc").asLong();

        system.process(killed).kill();

        await("playing again on another worker").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode v = system.sim().voice(guild);
                    return v.path("connected").asBoolean()
                            && v.path("session").path("ssrc").asLong() != ssrcBefore
                            && v.path("last_frame_age_ms").asLong(-1) >= 0 && v.path("last_frame_age_ms").asLong() < 200;
                });
        JsonNode after = player(guild);
        assertThat(after.path("worker").asText()).isNotEqualTo(killed).startsWith("audio-");
        long expected = positionBefore + (System.currentTimeMillis() - killedAt);
        assertThat(position(after)).isBetween(expected - 2_000, expected + 2_000);
        assertThat(after.path("player").path("volume").asInt()).isEqualTo(70);
        assertThat(after.path("player").path("paused").asBoolean()).isFalse();
        assertThat(after.path("player").path("track").path("track").asText()).isNotEmpty()
                .isEqualTo(before.path("player").path("track").path("track").asText());
        assertThat(after.path("player").path("queue")).isEqualTo(before.path("player").path("queue"));
        assertThat(music.command("!queue")).isEqualTo(queueBefore);
        assertThat(music.command("!volume")).isEqualTo("Volume is 70%.");
        music.command("!leave");
        await("no acknowledgement pending at the hub").atMost(Duration.ofSeconds(15))
                .until(() -> system.hub().metric("hub_acks_pending") == 0);
    }

    /** The hub's view of the guild's player: {@code {worker, player, ...}}. */
    private JsonNode player(String guild) {
        return system.hub().get("/v1/players/" + guild);
    }

    /** Where the track is now, from a snapshot's position and age. */
    private static long position(JsonNode view) {
        JsonNode p = view.path("player");
        long position = p.path("position").asLong();
        return p.path("paused").asBoolean() ? position
                : position + Math.max(0, System.currentTimeMillis() - p.path("time").asLong());
    }
}
