package dev.hubcord.audio;

import static dev.hubcord.audio.testing.LavalinkTestClient.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.LavalinkTestClient;
import dev.hubcord.audio.testing.LavalinkTestClient.Answer;
import dev.hubcord.audio.testing.Tones;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's Lavalink v4 API end to end: a real hub, real audio workers and the simulated voice server; the test is
 * the Lavalink client (JDK HTTP and WebSocket), its "bot" having joined the voice channel itself, so it hands the
 * hub the voice session in {@code voice}. The npm client libraries run the same path in {@code lavalink-tests}.
 */
class LavalinkApiTest {

    private static final String GUILD = "700000000000000042";
    private static final long G = Long.parseLong(GUILD);
    private static final String CHANNEL = "400000000000000042";

    @TempDir
    Path dir;

    private static String voice(Harness h) {
        h.voice.assignChannel(G, Long.parseLong(CHANNEL));
        return "\"voice\": {\"token\": \"lavalink-token\", \"endpoint\": \"" + h.endpoint.get()
                + "\", \"sessionId\": \"lavalink-session\", \"channelId\": \"" + CHANNEL + "\"}";
    }

    private static String loadOne(LavalinkTestClient c, Path file) throws Exception {
        Answer a = c.call("GET", "/v4/loadtracks?identifier=" + java.net.URLEncoder.encode(file.toString(),
                java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("loadType").asText()).isEqualTo("track");
        return a.json().path("data").path("encoded").asText();
    }

    @Test
    void aLavalinkClientPlaysSeeksFiltersPausesReplacesAndDestroys() throws Exception {
        try (Harness h = new Harness(); LavalinkTestClient c = new LavalinkTestClient(h.hub.port(), Harness.SECRET)) {
            h.startWorker("audio-a");
            JsonNode ready = c.connect(Harness.BOT_ID, null);
            assertThat(ready.path("resumed").asBoolean()).isFalse();
            assertThat(ready.path("sessionId").asText()).hasSize(16);
            c.await(0, op -> op.path("op").asText().equals("stats"), Duration.ofSeconds(5));

            String tone = loadOne(c, Tones.sine(dir, 440, 30));
            String other = loadOne(c, Tones.sine(dir, 660, 20));
            JsonNode decoded = c.call("GET", "/v4/decodetrack?encodedTrack=" + java.net.URLEncoder.encode(tone,
                    java.nio.charset.StandardCharsets.UTF_8), null).json();
            assertThat(decoded.path("info").path("length").asLong()).isEqualTo(30_000);
            assertThat(decoded.path("info").path("sourceName").asText()).isEqualTo("local");
            JsonNode many = c.call("POST", "/v4/decodetracks", "[\"" + tone + "\", \"" + other + "\"]").json();
            assertThat(many).hasSize(2);
            assertThat(many.get(1).path("info").path("length").asLong()).isEqualTo(20_000);

            Answer played = c.patchPlayer(GUILD, "{" + voice(h) + ", \"track\": {\"encoded\": \"" + tone
                    + "\", \"userData\": {\"requester\": \"someone\"}}, \"volume\": 80}");
            assertThat(played.status()).as(played.body()).isEqualTo(200);
            assertThat(played.json().path("track").path("info").path("length").asLong()).isEqualTo(30_000);
            assertThat(played.json().path("volume").asInt()).isEqualTo(80);
            JsonNode start = c.await(0, event("TrackStartEvent"), Duration.ofSeconds(10));
            assertThat(start.path("guildId").asText()).isEqualTo(GUILD);
            assertThat(start.path("track").path("userData").path("requester").asText()).isEqualTo("someone");
            await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(G).stream().filter(f -> !f.isSilence()).count() > 50);
            c.await(0, op -> op.path("op").asText().equals("playerUpdate")
                    && op.path("state").path("connected").asBoolean(), Duration.ofSeconds(10));

            assertThat(c.patchPlayer(GUILD, "{\"position\": 20000}").status()).isEqualTo(200);
            int afterSeek = c.ops.size();
            c.await(afterSeek, op -> op.path("op").asText().equals("playerUpdate")
                    && op.path("state").path("position").asLong() >= 20_000, Duration.ofSeconds(10));

            Answer filtered = c.patchPlayer(GUILD, "{\"filters\": {\"timescale\": {\"pitch\": 1.5}}}");
            assertThat(filtered.json().path("filters").path("timescale").path("pitch").asDouble()).isEqualTo(1.5);
            Answer bad = c.patchPlayer(GUILD, "{\"filters\": {\"volume\": 9}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("message").asText()).contains("filters.volume");
            assertThat(bad.json().path("path").asText()).endsWith("/players/" + GUILD);

            assertThat(c.patchPlayer(GUILD, "{\"paused\": true}").json().path("paused").asBoolean()).isTrue();
            JsonNode got = c.call("GET", "/v4/sessions/" + c.sessionId + "/players/" + GUILD, null).json();
            assertThat(got.path("paused").asBoolean()).isTrue();
            assertThat(got.path("filters").path("timescale").path("pitch").asDouble()).isEqualTo(1.5);
            assertThat(got.path("voice").path("sessionId").asText()).isEqualTo("lavalink-session");
            assertThat(c.call("GET", "/v4/sessions/" + c.sessionId + "/players", null).json()).hasSize(1);

            int beforeReplace = c.ops.size();
            c.patchPlayer(GUILD, "{\"track\": {\"encoded\": \"" + other + "\"}, \"paused\": false}");
            JsonNode end = c.await(beforeReplace, event("TrackEndEvent"), Duration.ofSeconds(10));
            assertThat(end.path("reason").asText()).isEqualTo("replaced");
            JsonNode next = c.await(beforeReplace, event("TrackStartEvent"), Duration.ofSeconds(10));
            assertThat(next.path("track").path("info").path("length").asLong()).isEqualTo(20_000);

            int beforeStop = c.ops.size();
            c.patchPlayer(GUILD, "{\"track\": {\"encoded\": null}}");
            assertThat(c.await(beforeStop, event("TrackEndEvent"), Duration.ofSeconds(10)).path("reason").asText())
                    .isEqualTo("stopped");

            assertThat(c.call("DELETE", "/v4/sessions/" + c.sessionId + "/players/" + GUILD, null).status()).isEqualTo(204);
            assertThat(c.call("GET", "/v4/sessions/" + c.sessionId + "/players/" + GUILD, null).status()).isEqualTo(404);
            assertThat(c.ops).noneMatch(event("WebSocketClosedEvent"));
            assertThat(h.voice.violations()).isEmpty();
            // nothing of the Lavalink guild reached the hubcord commands side or its sharder
            assertThat(h.events(GUILD, e -> true)).isEmpty();
            assertThat(h.op4s).noneMatch(op -> op.path("d").path("guild_id").asText().equals(GUILD));
        }
    }

    @Test
    void theRestOfTheApiAnswersInLavalinksShapes() throws Exception {
        try (Harness h = new Harness(); LavalinkTestClient c = new LavalinkTestClient(h.hub.port(), Harness.SECRET)) {
            h.startWorker("audio-a");
            assertThat(c.call("GET", "/v4/info", null, "wrong").status()).isEqualTo(401);
            assertThat(c.call("GET", "/version", null).body()).startsWith("4.");
            JsonNode info = c.call("GET", "/v4/info", null).json();
            assertThat(info.path("version").path("major").asInt()).isEqualTo(4);
            assertThat(info.path("filters")).hasSize(10);
            JsonNode stats = c.call("GET", "/v4/stats", null).json();
            assertThat(stats.has("players") && stats.has("memory") && stats.has("cpu") && stats.has("uptime")).isTrue();
            assertThat(c.call("GET", "/v4/routeplanner/status", null).status()).isEqualTo(204);
            Answer free = c.call("POST", "/v4/routeplanner/free/all", null);
            assertThat(free.status()).isEqualTo(500);
            assertThat(free.json().path("message").asText()).isEqualTo("Can't access disabled route planner");
            Answer missing = c.call("GET", "/v4/sessions/nosuchsession/players", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().fieldNames()).toIterable()
                    .containsExactly("timestamp", "status", "error", "message", "path");
            assertThat(c.call("GET", "/v4/decodetrack?encodedTrack=bm90IGEgdHJhY2s=", null).status()).isEqualTo(400);
            assertThat(c.call("GET", "/v4/loadtracks?identifier=" + dir.resolve("nothing-here.wav"), null).json()
                    .path("loadType").asText()).isIn("empty", "error");

            c.connect(Harness.BOT_ID, null);
            String id = c.sessionId;
            JsonNode resume = c.call("PATCH", "/v4/sessions/" + id, "{\"resuming\": true, \"timeout\": 30}").json();
            assertThat(resume.path("resuming").asBoolean()).isTrue();
            assertThat(resume.path("timeout").asInt()).isEqualTo(30);
            assertThat(c.patchPlayer(GUILD, "{\"volume\": 5000}").status()).isEqualTo(400);
            c.dropSocket();
            await().atMost(Duration.ofSeconds(5)).until(() -> c.call("GET", "/v4/sessions/" + id + "/players", null)
                    .status() == 200);
            JsonNode resumed = c.connect(Harness.BOT_ID, id);
            assertThat(resumed.path("resumed").asBoolean()).isTrue();
            assertThat(resumed.path("sessionId").asText()).isEqualTo(id);
        }
    }

    @Test
    void aSessionThatEndsWithoutResumingTakesItsPlayersWithIt() throws Exception {
        try (Harness h = new Harness(); LavalinkTestClient c = new LavalinkTestClient(h.hub.port(), Harness.SECRET)) {
            h.startWorker("audio-a");
            c.connect(Harness.BOT_ID, null);
            String tone = loadOne(c, Tones.sine(dir, 440, 30));
            // the deprecated top-level spelling of v4.0 clients
            assertThat(c.patchPlayer(GUILD, "{" + voice(h) + ", \"encodedTrack\": \"" + tone + "\"}").status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> h.voice.session(G) != null
                    && h.frames(G).stream().filter(f -> !f.isSilence()).count() > 20);
            c.close(); // resuming was never asked for: the session ends and its player is destroyed on the worker
            await().atMost(Duration.ofSeconds(10)).until(() -> h.hub.core().lavalink().sessionCount() == 0
                    && !h.hub.core().lavalink().owns(GUILD));
            await().atMost(Duration.ofSeconds(10)).until(() -> h.hub.core().audioPlayers().states().get(G) == null);
        }
    }
}
