package dev.hubcord.sharder.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The hub as a process of its own ({@code java dev.hubcord.hub.HubMain} on this JVM's class path), on
 * a fixed loopback port, so that a test can kill it with SIGKILL — no close frames, no shutdown hook,
 * sockets reset by the kernel — and start a fresh one, knowing nothing, on the same port.
 */
public final class HubProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;

    private HubProcess(int port, Map<String, String> settings, Path log) {
        this.port = port;
        this.settings = settings;
        this.log = log;
    }

    /** Starts a hub on a free port and waits until {@code /health} answers. */
    public static HubProcess start(Map<String, String> settings) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HubProcess hub = new HubProcess(port, settings, Files.createTempFile("hub-process-", ".log"));
        hub.startAgain();
        return hub;
    }

    /** Starts the hub (again) on the same port and waits until it is healthy. */
    public void startAgain() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.hubcord.hub.HubMain"));
        pb.environment().keySet().removeIf(k -> k.startsWith("HUB_"));
        pb.environment().putAll(settings);
        pb.environment().put("HUB_SECRET", Hub.SECRET);
        pb.environment().put("HUB_HOST", "127.0.0.1");
        pb.environment().put("HUB_PORT", Integer.toString(port));
        pb.environment().put("HUB_IO_THREADS", "2");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process started = pb.start();
        process = started;
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("hub exited with " + started.exitValue() + ": " + output());
            }
            return get("/health").status() == 200;
        });
    }

    /**
     * SIGSTOP: the hub hangs. Its sockets stay open and the kernel still accepts what clients write,
     * up to the buffer sizes, but nothing is read, routed or answered.
     */
    public void freeze() throws IOException, InterruptedException {
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start();
        if (stop.waitFor() != 0) {
            throw new IllegalStateException("kill -STOP failed");
        }
    }

    /** SIGKILL, as {@code kill -9} (also ends a frozen hub); returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("hub process survived SIGKILL");
        }
    }

    public URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/v1");
    }

    /** GET a path with the secret; status -1 when the hub does not answer. */
    public Answer get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", Hub.SECRET).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Answer(-1, "");
        }
    }

    /** A REST answer. */
    public record Answer(int status, String body) {}

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
