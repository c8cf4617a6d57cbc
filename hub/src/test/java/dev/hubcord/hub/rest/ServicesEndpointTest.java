package dev.hubcord.hub.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.codec.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /health}, {@code /metrics}, {@code /v1/services}, {@code /v1/shards} and REST errors over real HTTP. */
class ServicesEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static HttpResponse<String> send(String method, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.httpUri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return Json.mapper().readTree(r.body());
    }

    @Test
    void healthNeedsNoSecret() throws Exception {
        HttpResponse<String> r = send("GET", "/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void servicesListsConnectedClientsWithTheirHeartbeatStats() throws Exception {
        try (RawClient sharder = RawClient.identified(hub, "sharder", null,
                "\"name\":\"sharder-a\",\"gateway\":{\"shards\":2,\"maxConcurrency\":1}");
                RawClient worker = RawClient.identified(hub, "commands", null, "\"name\":\"worker-1\"")) {
            sharder.send(1, null, "{\"heapUsed\":123456,\"guilds\":42}");
            sharder.next();
            worker.send(1, null, "{\"heapUsed\":999,\"inFlight\":3}");
            worker.next();
            HttpResponse<String> r = send("GET", "/v1/services", TestHub.SECRET);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode services = json(r);
            JsonNode s = find(services, "sharder-a");
            assertThat(s.get("type").asText()).isEqualTo("sharder");
            assertThat(s.get("session").asText()).isEqualTo(sharder.sessionId());
            assertThat(s.get("heapUsed").longValue()).isEqualTo(123456);
            assertThat(s.get("guilds").longValue()).isEqualTo(42);
            assertThat(s.get("shards")).hasSize(2);
            assertThat(s.get("startTime").asText()).isNotBlank();
            JsonNode w = find(services, "worker-1");
            assertThat(w.get("inFlight").longValue()).isEqualTo(3);

            sharder.event("SHARD_STATUS", "{\"shard\":1,\"status\":\"ready\",\"latency\":41,\"guilds\":7}");
            Awaitility.await().untilAsserted(() -> {
                JsonNode shards = json(send("GET", "/v1/shards", TestHub.SECRET));
                assertThat(shards).hasSize(2);
                assertThat(shards.get(1).get("sharder").asText()).isEqualTo("sharder-a");
                assertThat(shards.get(1).get("status").asText()).isEqualTo("ready");
                assertThat(shards.get(1).get("latency").longValue()).isEqualTo(41);
                assertThat(shards.get(1).get("guilds").longValue()).isEqualTo(7);
            });
        }
    }

    private static JsonNode find(JsonNode services, String name) {
        for (JsonNode s : services) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + services);
    }

    @Test
    void errorsAreJsonWithTheContractsShape() throws Exception {
        HttpResponse<String> unauthorized = send("GET", "/v1/services", null);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(json(unauthorized).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(send("GET", "/v1/services", "wrong").statusCode()).isEqualTo(401);

        HttpResponse<String> missing = send("GET", "/v1/nothing-here", TestHub.SECRET);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(json(missing).at("/error/message").asText()).contains("/v1/nothing-here");

        HttpResponse<String> wrongMethod = send("POST", "/v1/services", TestHub.SECRET);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");

        assertThat(send("DELETE", "/health", null).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/ws/v1", null).statusCode()).isEqualTo(400);
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        try (RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient worker = RawClient.identified(hub, "commands")) {
            sharder.event("EXECUTE_COMMAND", "{\"command\":\"m\",\"raw\":\"\",\"ids\":{}}");
            worker.nextEvent();
            HttpResponse<String> r = send("GET", "/metrics", null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
            assertThat(r.body()).contains("hub_connections{type=\"commands\"}")
                    .contains("hub_events_routed_total{event=\"EXECUTE_COMMAND\"}")
                    .contains("hub_acks_pending")
                    .contains("hub_events_redelivered_total");
            assertThat(r.body()).containsPattern("hub_acks_pending [1-9]");
            send("GET", "/v1/services", TestHub.SECRET);
            assertThat(send("GET", "/metrics", null).body())
                    .contains("hub_rest_requests_seconds_bucket{route=\"/v1/services\",status=\"200\"");
        }
    }
}
