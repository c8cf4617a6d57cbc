package dev.hubcord.audio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The takeover scenario shared by the in-process test and the cross-process IT: a guild plays a long tone with a
 * second track queued on worker A; A goes away; the guild must continue on worker B from about where it stood,
 * with the queue intact.
 */
public final class Failover {

    public static final String GUILD = "700000000000000001";

    private Failover() {}

    /** Starts playback (A must be the only worker) and returns the ssrc A streams with. */
    public static int startOnFirstWorker(Harness h, Path dir) throws Exception {
        String tone = h.load(Tones.sine(dir, 440, 30));
        String next = h.load(Tones.sine(dir, 660, 1));
        h.request("PLAYER_JOIN", GUILD, Map.of("channelID", "400000000000000003"));
        h.request("PLAYER_PLAY", GUILD, Map.of("track", tone));
        h.request("PLAYER_QUEUE", GUILD, Map.of("action", "add", "track", next));
        long g = Long.parseLong(GUILD);
        // play for a while, and make sure the commands side holds a snapshot taken during playback
        await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(g).size() > 150 && h.snapshots.containsKey(GUILD)
                && h.snapshots.get(GUILD).path("position").asLong() > 2000);
        return h.voice.session(g).ssrc();
    }

    /** After A is gone: B plays the same track on, from past where the snapshot stood, and the queue survived. */
    public static void assertContinuesOnSecondWorker(Harness h, int oldSsrc, long stoppedAtMs) {
        long g = Long.parseLong(GUILD);
        await().atMost(Duration.ofSeconds(20)).until(() -> h.voice.session(g) != null
                && h.voice.session(g).ssrc() != oldSsrc
                && h.frames(g).stream().filter(f -> f.ssrc() == h.voice.session(g).ssrc() && !f.isSilence()).count() > 25);
        List<Harness.Event> starts = h.events(GUILD, e -> e.name().equals("TRACK_START"));
        assertThat(starts.getLast().data().path("track").path("info").path("length").asLong()).isEqualTo(30_000);
        int seen = h.events.size();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.events.stream().skip(seen)
                .anyMatch(e -> e.name().equals("PLAYER_UPDATE") && e.data().path("state").path("connected").asBoolean()));
        JsonNode update = h.events.stream().skip(seen).filter(e -> e.name().equals("PLAYER_UPDATE")
                && e.data().path("state").path("connected").asBoolean()).findFirst().orElseThrow().data();
        assertThat(update.path("state").path("position").asLong()).as("resumed where it stood, not from 0")
                .isGreaterThanOrEqualTo(stoppedAtMs);
        assertThat(update.path("player").path("queue")).hasSize(1);
        assertThat(h.voice.violations()).isEmpty();
    }
}
