package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.audio.testing.Failover;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two audio worker processes from the shaded jar; the one playing is killed (SIGKILL) mid-track. The hub ends its
 * session after the resume timeout, the guild moves to the other process, and playback continues where it stood.
 */
class AudioWorkerIT {

    @TempDir
    Path dir;

    private Process worker(Harness h, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of("target", "audio-worker.jar").toAbsolutePath();
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar",
                jar.toString(), "--name", name, "--sources", "local", "--local-files", "true", "--voice-tls", "false",
                "--player-update-ms", "1000", "--frame-buffer-ms", "1000"));
        pb.environment().put("HUB_URL", h.hubUri().toString());
        pb.environment().put("HUB_SECRET", Harness.SECRET);
        pb.environment().put("AUDIO_HTTP_PORT", "0"); // two workers: each on any free port, logged
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    @Test
    void aKilledWorkersGuildPlaysOnInTheOtherProcess() throws Exception {
        List<Process> processes = new ArrayList<>();
        try (Harness h = new Harness(Map.of("HUB_RESUME_TIMEOUT_MS", "1500"),
                VoiceServerConfig.defaults().withHeartbeatIntervalMs(500))) {
            Process first = worker(h, "audio-a");
            processes.add(first);
            awaitServices(h, 1);
            int ssrc = Failover.startOnFirstWorker(h, dir);
            processes.add(worker(h, "audio-b"));
            awaitServices(h, 2);
            long position = h.snapshots.get(Failover.GUILD).path("position").asLong();
            first.destroyForcibly().waitFor();
            Failover.assertContinuesOnSecondWorker(h, ssrc, position);
            assertHealthReadyAndMetrics(dir.resolve("audio-b.log"));
        } finally {
            processes.forEach(Process::destroyForcibly);
            for (File log : dir.toFile().listFiles((d, n) -> n.endsWith(".log"))) {
                System.out.println("---- " + log.getName() + "\n" + Files.readString(log.toPath()));
            }
        }
    }

    /** The surviving worker's own port: live, ready (connected to the hub), and its players and frames counted. */
    private static void assertHealthReadyAndMetrics(Path log) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("event=http_listening host=\\S+ port=(\\d+)")
                .matcher(Files.readString(log));
        assertThat(m.find()).as("the port is logged").isTrue();
        String base = "http://127.0.0.1:" + m.group(1);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("audio_players 1.0", "audio_players_playing", "audio_frames_sent_total",
                "audio_frames_nulled_total", "audio_frames_deficit_total", "jvm_memory_used_bytes");
        java.util.regex.Matcher sent = java.util.regex.Pattern.compile("(?m)^audio_frames_sent_total (\\S+)")
                .matcher(metrics);
        assertThat(sent.find()).isTrue();
        assertThat(Double.parseDouble(sent.group(1))).as("frames sent by the worker that took over").isPositive();
    }

    private static void awaitServices(Harness h, int audioWorkers) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String body = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + h.hub.port() + "/v1/services"))
                    .header("Authorization", Harness.SECRET).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return body.split("\"type\":\"audio\"", -1).length - 1 >= audioWorkers;
        });
    }
}
