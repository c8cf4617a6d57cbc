package dev.hubcord.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A hub started from its jar on a free loopback port, for the benchmarks and the soak; waits until it is healthy. */
final class HubProcess implements AutoCloseable {

    final Process process;
    final int port;

    private HubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code hubJar} with a 1 GiB heap, no rate limit and a large pending limit.
     *
     * @param jvmOptions further JVM options (e.g. a GC log)
     * @param log        where the hub's output goes
     */
    static HubProcess start(Path hubJar, String secret, List<String> jvmOptions, Path log) throws Exception {
        if (!Files.exists(hubJar)) {
            throw new IllegalStateException(hubJar + " not found: build it with ./mvnw -pl hub -am package -DskipTests");
        }
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g",
                "-XX:+UseParallelGC"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", hubJar.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--rate-limit", "10000000", "--pending-limit", "1000000"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HUB_SECRET", secret);
        pb.environment().put("HUB_LOG_LEVEL", "WARN");
        Process p = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new HubProcess(p, port);
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("hub exited with " + p.exitValue() + "; see " + log);
            }
        }
        p.destroy();
        throw new IllegalStateException("hub did not become healthy; see " + log);
    }

    URI webSocket() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/v1");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
