package dev.hubcord.sharder.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.HubServer;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.protocol.codec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** A real hub on a loopback port (ephemeral at first, the same one after {@link #restart()}), plus its REST API. */
public final class Hub implements AutoCloseable {

    public static final String SECRET = "sharder-test-secret";

    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private HubServer server;
    private int port;

    private Hub(Map<String, String> settings) {
        this.settings = settings;
    }

    public static Hub start(Map<String, String> settings) {
        Hub hub = new Hub(new HashMap<>(settings));
        hub.server = hub.launch(0);
        hub.port = hub.server.port();
        return hub;
    }

    private HubServer launch(int onPort) {
        Map<String, String> flags = new HashMap<>();
        flags.put("HUB_SECRET", SECRET);
        flags.put("HUB_HOST", "127.0.0.1");
        flags.put("HUB_PORT", Integer.toString(onPort));
        flags.put("HUB_IO_THREADS", "2");
        flags.putAll(settings);
        try {
            return HubServer.start(HubConfig.resolve(Map.of(), Map.of(), flags));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the hub (clients see 1001) and starts a fresh one, with an empty cache, on the same port. */
    public void restart() {
        server.close();
        server = launch(port);
    }

    public void stop() {
        server.close();
    }

    public void startAgain() {
        server = launch(port);
    }

    public int port() {
        return port;
    }

    public URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/v1");
    }

    /** GET a REST path; returns the status and the JSON body (null when there is none). */
    public Rest get(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", SECRET).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = r.body().length == 0 ? null : Json.mapper().readTree(r.body());
            return new Rest(r.statusCode(), body);
        } catch (Exception e) {
            return new Rest(-1, null);
        }
    }

    /** A REST answer. */
    public record Rest(int status, JsonNode body) {}

    @Override
    public void close() {
        server.close();
    }
}
