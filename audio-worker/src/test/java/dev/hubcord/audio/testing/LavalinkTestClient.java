package dev.hubcord.audio.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.codec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal Lavalink v4 client over the JDK's HTTP client, as a test's stand-in for a client library: the WebSocket
 * records every op it gets; REST calls return status and body.
 */
public final class LavalinkTestClient implements AutoCloseable {

    /** A REST answer. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final String base;
    private final String password;
    private final HttpClient http = HttpClient.newHttpClient();
    public final List<JsonNode> ops = new CopyOnWriteArrayList<>();
    private WebSocket socket;
    public volatile String sessionId;

    public LavalinkTestClient(int port, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.password = password;
    }

    /** Opens {@code /v4/websocket} (resuming {@code resumeId} if not null) and waits for {@code ready}. */
    public JsonNode connect(String userId, String resumeId) throws Exception {
        int before = ops.size();
        WebSocket.Builder b = http.newWebSocketBuilder().header("Authorization", password).header("User-Id", userId)
                .header("Client-Name", "hubcord-test/1.0");
        if (resumeId != null) {
            b.header("Session-Id", resumeId);
        }
        socket = b.buildAsync(URI.create(base.replace("http", "ws") + "/v4/websocket"), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        ops.add(Json.mapper().readTree(text.toString()));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        JsonNode ready = await(before, op -> op.path("op").asText().equals("ready"), Duration.ofSeconds(10));
        sessionId = ready.path("sessionId").asText();
        return ready;
    }

    /** The first op from index {@code from} on that matches, waiting up to {@code within}. */
    public JsonNode await(int from, Predicate<JsonNode> match, Duration within) {
        return org.awaitility.Awaitility.await().atMost(within).until(
                () -> ops.stream().skip(from).filter(match).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    public static Predicate<JsonNode> event(String type) {
        return op -> op.path("op").asText().equals("event") && op.path("type").asText().equals(type);
    }

    public void dropSocket() {
        socket.abort();
    }

    public Answer call(String method, String path, String body) throws Exception {
        return call(method, path, body, password);
    }

    public Answer call(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    public Answer patchPlayer(String guild, String body) throws Exception {
        return call("PATCH", "/v4/sessions/" + sessionId + "/players/" + guild, body);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(1000, "bye");
        }
        http.close();
    }
}
