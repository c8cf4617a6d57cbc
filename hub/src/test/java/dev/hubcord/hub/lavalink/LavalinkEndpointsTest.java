package dev.hubcord.hub.lavalink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.codec.Json;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Lavalink API's answers that need no audio worker, on a real hub: authorisation, refusals, Lavalink's error
 * shape, sessions, and the hub's own decoder of lavaplayer's encoded tracks (a track built here byte by byte from
 * the documented layout). Playback with real workers is {@code LavalinkApiTest} in the audio worker's tests.
 */
class LavalinkEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(TestHub hub, String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.httpUri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A version 3 track message as lavaplayer writes it: header, fields, one source-specific field, position. */
    private static String encodedTrack(long position) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeByte(3);
        out.writeUTF("Concert pitch");
        out.writeUTF("A. Tuner");
        out.writeLong(90_000);
        out.writeUTF("/music/a440.wav");
        out.writeBoolean(false);
        out.writeBoolean(true);
        out.writeUTF("file:///music/a440.wav");
        out.writeBoolean(false); // no artwork
        out.writeBoolean(true);
        out.writeUTF("XX0000000001");
        out.writeUTF("local");
        out.writeUTF("wav"); // the source's own field
        out.writeLong(position);
        byte[] b = body.toByteArray();
        ByteBuffer message = ByteBuffer.allocate(4 + b.length).putInt(b.length | (1 << 30)).put(b);
        return Base64.getEncoder().encodeToString(message.array());
    }

    @Test
    void restAnswersWithoutWorkersInLavalinksShapes() throws Exception {
        try (TestHub hub = TestHub.start()) {
            HttpResponse<String> unauthorised = call(hub, "GET", "/v4/info", null, "wrong");
            assertThat(unauthorised.statusCode()).isEqualTo(401);
            assertThat(Json.mapper().readTree(unauthorised.body()).fieldNames()).toIterable()
                    .containsExactly("timestamp", "status", "error", "message", "path");
            assertThat(call(hub, "GET", "/version", null, TestHub.SECRET).body()).isEqualTo(LavalinkRest.VERSION);

            HttpResponse<String> noWorker = call(hub, "GET", "/v4/loadtracks?identifier=scsearch:a", null, TestHub.SECRET);
            assertThat(noWorker.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(noWorker.body()).path("path").asText()).isEqualTo("/v4/loadtracks");

            String track = encodedTrack(1234);
            JsonNode decoded = Json.mapper().readTree(call(hub, "GET", "/v4/decodetrack?encodedTrack="
                    + java.net.URLEncoder.encode(track, java.nio.charset.StandardCharsets.UTF_8), null, TestHub.SECRET).body());
            assertThat(decoded.path("encoded").asText()).isEqualTo(track);
            JsonNode info = decoded.path("info");
            assertThat(info.path("title").asText()).isEqualTo("Concert pitch");
            assertThat(info.path("author").asText()).isEqualTo("A. Tuner");
            assertThat(info.path("length").asLong()).isEqualTo(90_000);
            assertThat(info.path("identifier").asText()).isEqualTo("/music/a440.wav");
            assertThat(info.path("isStream").asBoolean()).isFalse();
            assertThat(info.path("isSeekable").asBoolean()).isTrue();
            assertThat(info.path("uri").asText()).isEqualTo("file:///music/a440.wav");
            assertThat(info.path("artworkUrl").isNull()).isTrue();
            assertThat(info.path("isrc").asText()).isEqualTo("XX0000000001");
            assertThat(info.path("sourceName").asText()).isEqualTo("local");
            assertThat(info.path("position").asLong()).isEqualTo(1234);
            assertThat(EncodedTrack.sameTrack(track, encodedTrack(99))).isTrue();
            assertThat(EncodedTrack.sameTrack(track, encodedTrack(99).replace('A', 'B'))).isFalse();

            HttpResponse<String> truncated = call(hub, "POST", "/v4/decodetracks",
                    "[\"" + track.substring(0, 40) + "\"]", TestHub.SECRET);
            assertThat(truncated.statusCode()).isEqualTo(400);
            assertThat(call(hub, "POST", "/v4/decodetracks", "{not json", TestHub.SECRET).statusCode()).isEqualTo(400);
            assertThat(call(hub, "GET", "/v4/routeplanner/status", null, TestHub.SECRET).statusCode()).isEqualTo(204);
            assertThat(call(hub, "GET", "/v4/nothing", null, TestHub.SECRET).statusCode()).isEqualTo(404);
            assertThat(call(hub, "PUT", "/v4/info", null, TestHub.SECRET).statusCode()).isEqualTo(405);
            // the hub keeps serving its own API next to Lavalink's
            assertThat(call(hub, "GET", "/health", null, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theWebSocketChecksItsHeadersAndSessionsHoldTheirSettings() throws Exception {
        try (TestHub hub = TestHub.start()) {
            URI ws = URI.create("ws://127.0.0.1:" + hub.port() + "/v4/websocket");
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> http.newWebSocketBuilder()
                    .header("Authorization", "wrong").header("User-Id", "1").buildAsync(ws, new WebSocket.Listener() { })
                    .join());
            assertThat(refused).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
            Throwable noUser = org.assertj.core.api.Assertions.catchThrowable(() -> http.newWebSocketBuilder()
                    .header("Authorization", TestHub.SECRET).buildAsync(ws, new WebSocket.Listener() { }).join());
            assertThat(((WebSocketHandshakeException) noUser.getCause()).getResponse().statusCode()).isEqualTo(400);

            // bounded: a hub that floods the socket fails the test (add throws when full) instead of filling the heap
            LinkedBlockingQueue<JsonNode> ops = new LinkedBlockingQueue<>(1_000);
            WebSocket socket = http.newWebSocketBuilder().header("Authorization", TestHub.SECRET)
                    .header("User-Id", "155112606661607425").header("Client-Name", "test/1")
                    .buildAsync(ws, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            try {
                                ops.add(Json.mapper().readTree(data.toString()));
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            JsonNode ready = ops.poll(10, TimeUnit.SECONDS);
            assertThat(ready.path("op").asText()).isEqualTo("ready");
            assertThat(ready.path("resumed").asBoolean()).isFalse();
            JsonNode stats = ops.poll(10, TimeUnit.SECONDS);
            assertThat(stats.path("op").asText()).isEqualTo("stats");
            assertThat(stats.path("frameStats").isNull()).isTrue();
            String id = ready.path("sessionId").asText();
            assertThat(hub.server().core().lavalink().sessionCount()).isEqualTo(1);

            JsonNode updated = Json.mapper().readTree(call(hub, "PATCH", "/v4/sessions/" + id,
                    "{\"resuming\": true, \"timeout\": 5}", TestHub.SECRET).body());
            assertThat(updated.path("resuming").asBoolean()).isTrue();
            assertThat(updated.path("timeout").asInt()).isEqualTo(5);
            assertThat(call(hub, "PATCH", "/v4/sessions/" + id, "{\"timeout\": -1}", TestHub.SECRET).statusCode())
                    .isEqualTo(400);
            assertThat(call(hub, "GET", "/v4/sessions/" + id + "/players", null, TestHub.SECRET).body()).isEqualTo("[]");
            assertThat(call(hub, "GET", "/v4/sessions/" + id + "/players/1", null, TestHub.SECRET).statusCode())
                    .isEqualTo(404);
            assertThat(call(hub, "DELETE", "/v4/sessions/" + id + "/players/1", null, TestHub.SECRET).statusCode())
                    .isEqualTo(204);
            HttpResponse<String> both = call(hub, "PATCH", "/v4/sessions/" + id + "/players/1",
                    "{\"track\": {\"encoded\": \"x\", \"identifier\": \"y\"}}", TestHub.SECRET);
            assertThat(both.statusCode()).isEqualTo(400);
            assertThat(call(hub, "PATCH", "/v4/sessions/" + id + "/players/1", "{\"paused\": true}", TestHub.SECRET)
                    .statusCode()).as("no audio worker").isEqualTo(503);
            socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
        }
    }
}
