package dev.hubcord.hub.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.audio.PlayerState;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.codec.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /status} and {@code /v1/status} over real HTTP: the way in with the secret, the cookie, the JSON. */
class StatusPageTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.httpUri(path));
        if (header != null) {
            b.header(header, value);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code name=value} part of the Set-Cookie header the right secret earns. */
    private static String signIn() throws Exception {
        HttpResponse<String> r = get("/status?secret=" + TestHub.SECRET, null, null);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("location")).hasValue("/status");
        String cookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith(StatusPage.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain(TestHub.SECRET);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void withoutTheSecretThePageIsALoginFormAndAWrongSecretSaysSo() throws Exception {
        HttpResponse<String> r = get("/status", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("<form method=\"post\" action=\"/status\"").doesNotContain("/v1/status");

        HttpResponse<String> wrong = get("/status?secret=nope", null, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That is not the hub's secret.");
        assertThat(wrong.headers().firstValue("set-cookie")).isEmpty();

        HttpResponse<String> forged = get("/status", "Cookie", StatusPage.COOKIE + "=" + TestHub.SECRET);
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void theSecretOnceGivesACookieThatOpensThePageAndItsJsonOnly() throws Exception {
        String cookie = signIn();
        HttpResponse<String> page = get("/status", "Cookie", "other=1; " + cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>hubcord status</title>").contains("fetch('/v1/status'");
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(
                v -> assertThat(v).contains("connect-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");

        assertThat(get("/v1/status", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/v1/services", "Cookie", cookie).statusCode()).as("the cookie admits the status only")
                .isEqualTo(401);
        assertThat(get("/v1/status", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginFormPostsTheSecret() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(hub.httpUri("/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("secret=" + TestHub.SECRET)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("set-cookie")).isPresent();
        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(hub.httpUri("/status")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void theJsonHasTheServicesShardsRatesAcksAndCache() throws Exception {
        try (RawClient sharder = RawClient.identified(hub, "sharder", null,
                "\"name\":\"sharder-s\",\"gateway\":{\"shards\":2,\"maxConcurrency\":1}");
                RawClient worker = RawClient.identified(hub, "commands", null, "\"name\":\"worker-s\"")) {
            JsonNode st = Json.mapper().readTree(get("/v1/status", "Authorization", TestHub.SECRET).body());
            assertThat(st.get("time").asLong()).isPositive();
            assertThat(st.get("hub").get("startTime").asText()).isNotBlank();
            assertThat(st.get("services").findValuesAsText("name")).contains("sharder-s", "worker-s");
            assertThat(st.get("shards")).hasSize(2);
            assertThat(st.get("shards").get(0).get("sharder").asText()).isEqualTo("sharder-s");
            assertThat(st.get("players").get("total").asInt()).isZero();
            assertThat(st.get("players").get("list").isArray()).isTrue();
            assertThat(st.get("routing").has("intervalMs")).isTrue();
            assertThat(st.get("routing").get("eventsPerSecond").isObject()).isTrue();
            assertThat(st.get("acksPending").asLong()).isZero();
            assertThat(st.get("cache").get("guild").asLong()).as("the hub's Discord cache sizes").isZero();
        }
    }

    @Test
    void playersShowWhereEachTrackIsNow() throws Exception {
        long now = System.currentTimeMillis();
        var states = hub.server().core().audioPlayers().states();
        states.put(42L, new PlayerState(Json.mapper().readTree("{\"channelID\":\"7\",\"track\":{\"track\":\"x\"},"
                + "\"position\":1000,\"paused\":false,\"volume\":80,\"queue\":[{},{}],\"time\":" + (now - 5_000)
                + "}"), null, now - 2_000));
        states.put(43L, new PlayerState(Json.mapper().readTree("{\"channelID\":null,\"track\":{\"track\":\"y\"},"
                + "\"position\":3000,\"paused\":true,\"volume\":100,\"queue\":[],\"time\":" + (now - 5_000) + "}"),
                null, now));
        try {
            JsonNode players = Json.mapper().readTree(get("/v1/status", "Authorization", TestHub.SECRET).body())
                    .get("players");
            assertThat(players.get("total").asInt()).isEqualTo(2);
            JsonNode playing = players.get("list").get(0);
            assertThat(playing.get("guildID").asText()).isEqualTo("42");
            assertThat(playing.get("worker").isNull()).as("no audio worker owns it").isTrue();
            assertThat(playing.get("channelID").asText()).isEqualTo("7");
            assertThat(playing.get("playing").asBoolean()).isTrue();
            assertThat(playing.get("volume").asInt()).isEqualTo(80);
            assertThat(playing.get("queue").asInt()).isEqualTo(2);
            assertThat(playing.get("position").asLong()).as("1 s + the 5 s since the snapshot").isBetween(6_000L, 7_000L);
            assertThat(playing.get("ageMs").asLong()).isBetween(2_000L, 3_000L);
            JsonNode paused = players.get("list").get(1);
            assertThat(paused.get("paused").asBoolean()).isTrue();
            assertThat(paused.get("position").asLong()).as("paused: where it stopped").isEqualTo(3_000);
            assertThat(paused.get("channelID").isNull()).isTrue();
        } finally {
            states.remove(42L);
            states.remove(43L);
        }
    }
}
