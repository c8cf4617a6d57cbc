package dev.hubcord.hub.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.hub.testing.RawClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged hub, {@code hub/target/hub.jar}, run as its own process the way a user runs it:
 * settings from a file, the environment and flags; refusal to start without a secret; and SIGTERM
 * closing every client with 1001.
 */
class HubProcessIT {

    private static final Path JAR = Path.of("target", "hub.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process start(Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("HUB_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHealthy(int port, Process p) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(p.isAlive()).as("hub process alive").isTrue();
            try {
                return get(port, "/health", null).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Test
    void refusesToStartWithoutASecret() throws Exception {
        Process p = start(Map.of(), List.of("--port", "0"));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("HUB_SECRET is required");
    }

    @Test
    void rejectsAMalformedSetting() throws Exception {
        Process p = start(Map.of("HUB_SECRET", "x", "HUB_PORT", "eighty"), List.of());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        // exactly one line: the setting, the value, where it came from and what is allowed
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).toList())
                .containsExactly("hub: invalid HUB_PORT='eighty' (from environment): allowed 0..65535");
    }

    @Test
    void layersSettingsAndClosesClientsWith1001OnSigterm(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path config = dir.resolve("hub.properties");
        // the file sets the port wrongly and the interval; the environment fixes the port; a flag sets the secret
        Files.writeString(config, "HUB_PORT=1\nHUB_HEARTBEAT_INTERVAL_MS=12345\nHUB_SECRET=from-file\n");
        Process hub = start(Map.of("HUB_PORT", String.valueOf(port), "HUB_CONFIG", config.toString(), "LOG_FORMAT", "json"),
                List.of("--host", "127.0.0.1", "--secret", "from-flag"));
        try {
            awaitHealthy(port, hub);
            assertThat(get(port, "/v1/services", "from-flag").statusCode()).isEqualTo(200);
            assertThat(get(port, "/v1/services", "from-file").statusCode()).isEqualTo(401);
            assertThat(get(port, "/ready", null).statusCode()).isEqualTo(200);
            assertThat(get(port, "/metrics", null).body()).contains("jvm_memory_used_bytes", "jvm_gc_",
                    "jvm_threads_live_threads", "process_cpu_usage", "process_files_open_files", "process_uptime_seconds");
            try (RawClient client = RawClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws/v1"))) {
                assertThat(client.next().at("/d/heartbeatInterval").intValue()).isEqualTo(12345);
                hub.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
                assertThat(client.awaitClose().code()).isEqualTo(1001);
            }
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(hub.exitValue()).isIn(0, 143);
            // LOG_FORMAT=json: every log line is one JSON object naming the service
            List<String> lines = new String(hub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("{")).toList();
            assertThat(lines).isNotEmpty().allMatch(l -> l.contains("\"service\":\"hub\"") && l.endsWith("}"));
            assertThat(lines).anyMatch(l -> l.contains("\"message\":\"hub stopped\""));
        } finally {
            hub.destroyForcibly();
        }
    }
}
