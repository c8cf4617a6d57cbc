package dev.hubcord.hub.testing;

import dev.hubcord.hub.HubServer;
import dev.hubcord.hub.config.HubConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A real hub on an ephemeral loopback port, for tests. Settings use the {@code HUB_*} names:
 * {@code TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "500"))}.
 */
public final class TestHub implements AutoCloseable {

    public static final String SECRET = "test-secret";

    private final HubServer server;

    private TestHub(HubServer server) {
        this.server = server;
    }

    public static TestHub start() {
        return start(Map.of());
    }

    public static TestHub start(Map<String, String> settings) {
        Map<String, String> flags = new HashMap<>();
        flags.put("HUB_SECRET", SECRET);
        flags.put("HUB_HOST", "127.0.0.1");
        flags.put("HUB_PORT", "0");
        flags.put("HUB_IO_THREADS", "2");
        flags.putAll(settings);
        try {
            return new TestHub(HubServer.start(HubConfig.resolve(Map.of(), Map.of(), flags)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HubServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws/v1");
    }

    public URI httpUri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        server.close();
    }
}
