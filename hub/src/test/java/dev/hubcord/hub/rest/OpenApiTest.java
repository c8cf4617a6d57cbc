package dev.hubcord.hub.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.cache.CacheConfig;
import dev.hubcord.cache.DiscordCache;
import dev.hubcord.hub.rest.discord.DiscordApi;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.codec.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/openapi.json} against the real routes: every documented path and method is routed, every other method
 * on a documented path answers 405, and no path the router answers is missing from the description.
 */
class OpenApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> METHODS = List.of("GET", "DELETE", "POST", "PUT", "PATCH");
    private static TestHub hub;
    private static JsonNode spec;

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(hub.httpUri("/v1/openapi.json"))
                .header("Authorization", TestHub.SECRET).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        spec = Json.mapper().readTree(r.body());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void isAnOpenApi31DescriptionThatNeedsTheSecret() throws Exception {
        assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(spec.get("components").get("securitySchemes").get("secret").get("name").asText()).isEqualTo("Authorization");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(hub.httpUri("/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void everyDocumentedPathAndMethodIsRoutedOverHttp() throws Exception {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next().toUpperCase();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(hub.httpUri(concrete))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", TestHub.SECRET).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(method + " " + concrete).isNotEqualTo(405);
                assertThat(r.body()).as(method + " " + concrete).doesNotContain("no such endpoint");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyOtherMethodOnADocumentedPathIsRefused() {
        ApiRouter router = router();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
            for (String method : METHODS) {
                if (!path.getValue().has(method.toLowerCase())) {
                    RestResponse r = router.handle(RestRequest.of(method, concrete, Map.of()));
                    assertThat(r.status()).as(method + " " + concrete).isEqualTo(405);
                }
            }
        }
    }

    /** Words a route might use beyond the description's own: a route named by none of them escapes the probe. */
    private static final List<String> MORE_WORDS = List.of("health", "metrics", "shards", "services", "players",
            "sessions", "leases", "cache", "stats", "status", "gateway", "guild", "user", "users", "messages", "emojis",
            "stickers", "threads", "invites", "webhooks", "bans", "commands", "interactions", "applications", "events",
            "openapi", "openapi.json", "openapi.yaml", "docs", "config", "version");

    /**
     * The router matches path shapes in code, so it cannot list its routes: probe it instead. Every path of up to
     * four segments over the description's words, {@link #MORE_WORDS} and an ID, and every one-segment extension
     * (up to eight) of a path the router answers, must be "no such endpoint" unless a documented template matches
     * it. REST paths nest, so a deeper route extends a routed path.
     */
    @Test
    void theRouterAnswersNoPathTheDescriptionLacks() {
        ApiRouter router = router();
        List<List<String>> templates = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (Iterator<String> it = spec.get("paths").fieldNames(); it.hasNext(); ) {
            List<String> template = RestRequest.of("GET", it.next(), Map.of()).segments();
            templates.add(template);
            template.stream().filter(w -> !w.startsWith("{")).forEach(words::add);
        }
        words.addAll(MORE_WORDS);
        words.add("1");
        List<List<String>> frontier = new ArrayList<>(List.of(List.of("v1")));
        int routed = 0;
        for (int depth = 2; depth <= 8; depth++) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : frontier) {
                for (String word : words) {
                    List<String> path = new ArrayList<>(prefix);
                    path.add(word);
                    String p = "/" + String.join("/", path);
                    RestResponse r = router.handle(RestRequest.of("GET", p, Map.of()));
                    boolean isRouted = !new String(r.body(), StandardCharsets.UTF_8).contains("no such endpoint");
                    if (isRouted) {
                        routed++;
                        assertThat(templates.stream().anyMatch(t -> matches(t, path))).as("routed but undocumented: " + p).isTrue();
                    }
                    if (isRouted || depth < 4) {
                        next.add(path);
                    }
                }
            }
            frontier = next;
        }
        assertThat(routed).isGreaterThanOrEqualTo(templates.size());
    }

    private static boolean matches(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!template.get(i).startsWith("{") && !template.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static ApiRouter router() {
        return new ApiRouter(hub.server().core(), new DiscordApi(new DiscordCache(CacheConfig.defaults(), Json.mapper())));
    }
}
