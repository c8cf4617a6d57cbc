package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.testing.Failover;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that leaves (closes its hub session) mid-track: the hub hands the guild to the other worker as a
 * PLAYER_JOIN marked redelivered, and that worker rejoins voice and restores the player from the hub's snapshot
 * (PLAYER_RECOVER). Also a hub restart: the worker that plays a guild claims it on its new session, so commands keep
 * reaching it; and a worker that loses a guild to one in its voice channel drops it (PLAYER_RELEASED). The
 * cross-process variant with a killed process is {@code AudioWorkerIT}.
 */
class WorkerFailoverTest {

    private static final long GUILD = Long.parseLong(Failover.GUILD);

    @TempDir
    Path dir;

    @Test
    void aGuildMovesToTheOtherWorkerAndPlaysOnFromWhereItStood() throws Exception {
        try (Harness h = new Harness()) {
            AudioWorker first = h.startWorker("audio-a");
            int ssrc = Failover.startOnFirstWorker(h, dir);
            h.startWorker("audio-b");
            long position = h.snapshots.get(Failover.GUILD).path("position").asLong();
            first.close();
            Failover.assertContinuesOnSecondWorker(h, ssrc, position);
        }
    }

    @Test
    void aPausedGuildMovesWithItsPositionVolumeRepeatQueueFiltersAndCrossfade() throws Exception {
        try (Harness h = new Harness()) {
            AudioWorker first = h.startWorker("audio-a");
            int ssrc = Failover.startOnFirstWorker(h, dir);
            h.request("PLAYER_VOLUME", Failover.GUILD, Map.of("volume", 30));
            h.request("PLAYER_QUEUE", Failover.GUILD, Map.of("action", "repeat", "mode", "queue"));
            h.request("PLAYER_QUEUE", Failover.GUILD, Map.of("action", "crossfade", "crossfadeMs", 2500));
            JsonNode filters = Json.mapper().readTree("{\"timescale\": {\"pitch\": 1.5}, \"lowPass\": {}}");
            assertThat(h.request("PLAYER_FILTERS", Failover.GUILD, Map.of("filters", filters)).path("ok").asBoolean())
                    .isTrue();
            JsonNode paused = h.request("PLAYER_PAUSE", Failover.GUILD, Map.of("paused", true)).path("player");
            long pausedAt = paused.path("position").asLong();
            // the hub has the paused state once the commands side saw it (the hub registers before routing on)
            await().atMost(Duration.ofSeconds(5)).until(() -> h.snapshots.get(Failover.GUILD).path("paused").asBoolean()
                    && h.snapshots.get(Failover.GUILD).path("volume").asInt() == 30
                    && h.snapshots.get(Failover.GUILD).path("filters").has("lowPass")
                    && h.snapshots.get(Failover.GUILD).path("crossfadeMs").asInt() == 2500);
            h.startWorker("audio-b");
            int seen = h.events.size();
            first.close();

            await().atMost(Duration.ofSeconds(15)).until(() -> h.voice.session(GUILD) != null
                    && h.voice.session(GUILD).ssrc() != ssrc && h.events.stream().skip(seen).anyMatch(e ->
                    e.name().equals("PLAYER_UPDATE") && e.data().path("player").path("track").isObject()));
            JsonNode restored = h.events.stream().skip(seen).filter(e -> e.name().equals("PLAYER_UPDATE")
                    && e.data().path("player").path("track").isObject()).findFirst().orElseThrow().data().get("player");
            assertThat(restored.path("paused").asBoolean()).isTrue();
            assertThat(restored.path("volume").asInt()).isEqualTo(30);
            assertThat(restored.path("repeat").asText()).isEqualTo("queue");
            assertThat(restored.path("filters")).isEqualTo(Json.mapper().readTree("""
                    {"timescale": {"speed": 1.0, "pitch": 1.5, "rate": 1.0}, "lowPass": {"smoothing": 20.0}}"""));
            assertThat(restored.path("crossfadeMs").asInt()).isEqualTo(2500);
            assertThat(restored.path("queue")).hasSize(1);
            assertThat(restored.path("track").path("track").asText()).isEqualTo(paused.path("track").path("track").asText());
            assertThat(restored.path("position").asLong()).as("paused: not extrapolated")
                    .isBetween(pausedAt - 100, pausedAt + 100);

            // commands now reach the new worker, which plays on from there
            JsonNode resumed = h.request("PLAYER_PAUSE", Failover.GUILD, Map.of("paused", false));
            assertThat(resumed.path("player").path("volume").asInt()).isEqualTo(30);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(GUILD).stream()
                    .filter(f -> f.ssrc() == h.voice.session(GUILD).ssrc() && !f.isSilence()).count() > 25);
            assertThat(h.voice.violations()).isEmpty();
        }
    }

    @Test
    void afterAHubRestartCommandsReachTheWorkerThatStillPlays() throws Exception {
        try (Harness h = new Harness(Map.of("HUB_TRANSPORT", "nio"),
                VoiceServerConfig.defaults().withHeartbeatIntervalMs(500))) {
            h.startWorker("audio-a");
            int ssrc = Failover.startOnFirstWorker(h, dir);
            h.startWorker("audio-b"); // idle: the least loaded, where an unclaimed guild's command would go
            int seen = h.events.size();
            h.restartHub();
            // audio-a's claim (a PLAYER_UPDATE on its new session) reaches the new hub and, through it, commands
            await().atMost(Duration.ofSeconds(20)).until(() -> h.events.stream().skip(seen).anyMatch(e ->
                    e.name().equals("PLAYER_UPDATE") && e.data().path("guildID").asText().equals(Failover.GUILD)));
            JsonNode answer = h.request("PLAYER_VOLUME", Failover.GUILD, Map.of("volume", 40));
            assertThat(answer.path("player").path("track").isObject()).as("answered by the worker playing: " + answer)
                    .isTrue();
            assertThat(answer.path("player").path("queue")).hasSize(1);
            int frames = h.frames(GUILD).size();
            await().atMost(Duration.ofSeconds(5)).until(() -> h.frames(GUILD).stream().skip(frames)
                    .filter(f -> f.ssrc() == ssrc && !f.isSilence()).count() > 50);
            assertThat(h.voice.session(GUILD).ssrc()).as("the same voice session played on").isEqualTo(ssrc);
            assertThat(h.voice.violations()).isEmpty();
        }
    }

    @Test
    void aWorkerToldThatAnotherPlaysItsGuildDropsIt() throws Exception {
        try (Harness h = new Harness()) {
            AudioWorker worker = h.startWorker("audio-a");
            String guild = "700000000000000009";
            // a player with a queue but no voice channel (no PLAYER_JOIN)
            h.request("PLAYER_QUEUE", guild, Map.of("action", "add", "track", h.load(Tones.sine(dir, 440, 30))));
            await().atMost(Duration.ofSeconds(5)).until(() -> h.snapshots.containsKey(guild));
            assertThat(worker.players()).isEqualTo(1);
            // another audio worker reports the guild in a voice channel: it plays the guild, the hub tells this one
            List<String> toOther = new CopyOnWriteArrayList<>();
            HubClient other = HubClient.create(HubClientOptions.builder(h.hubUri(), ServiceType.AUDIO, Harness.SECRET)
                    .name("other-audio").build());
            try (other) {
                other.addEventListener(e -> toOther.add(e.name() + " " + e.data().path("guildID").asText()));
                other.connect().get(10, TimeUnit.SECONDS);
                ObjectNode update = Json.mapper().createObjectNode().put("guildID", guild);
                update.putObject("player").put("channelID", "400000000000000003").putNull("track")
                        .put("position", 0).put("paused", false).put("volume", 100).put("repeat", "off")
                        .put("time", System.currentTimeMillis()).putArray("queue");
                other.send("PLAYER_UPDATE", update);
                await().atMost(Duration.ofSeconds(5)).until(() -> worker.players() == 0);
                h.commands.send("PLAYER_SKIP", Json.mapper().createObjectNode().put("guildID", guild));
                await().atMost(Duration.ofSeconds(5)).until(() -> toOther.contains("PLAYER_SKIP " + guild));
                assertThat(h.op4s).as("the worker left no voice channel: the bot's voice state is the other's")
                        .isEmpty();
            }
        }
    }

    @Test
    void aGuildLeftBeforeItsWorkerGoesIsNotHandedOn() throws Exception {
        try (Harness h = new Harness()) {
            AudioWorker first = h.startWorker("audio-a");
            Failover.startOnFirstWorker(h, dir);
            h.request("PLAYER_LEAVE", Failover.GUILD, Map.of());
            // the player's last word (player: null) reaches the hub, and no track event after it brings it back
            await().atMost(Duration.ofSeconds(5)).until(() -> h.events(Failover.GUILD, e -> e.name().equals("PLAYER_UPDATE")
                    && e.data().path("player").isNull()).size() == 1);
            h.startWorker("audio-b");
            int op4s = h.op4s.size();
            first.close();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> h.op4s.size() == op4s);
            List<Harness.Event> events = h.events(Failover.GUILD, e -> true);
            int destroyed = events.indexOf(events.stream().filter(e -> e.name().equals("PLAYER_UPDATE")
                    && e.data().path("player").isNull()).findFirst().orElseThrow());
            assertThat(events.subList(destroyed + 1, events.size())).as("no snapshot after the player was destroyed")
                    .noneMatch(e -> e.data().path("player").isObject());
        }
    }
}
