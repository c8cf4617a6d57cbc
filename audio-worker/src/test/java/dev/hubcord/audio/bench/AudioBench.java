package dev.hubcord.audio.bench;

import dev.hubcord.audio.testing.Harness;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many players one audio worker process holds. Starts the hub, the voice simulator and the fake sharder and
 * commands clients here, and one worker process from the shaded jar; then, step by step, N guilds join and play an
 * MP3 on repeat (lavaplayer decodes MP3, resamples, encodes Opus; the worker encrypts with AES-GCM and sends to the
 * simulator, which checks and decrypts every packet). For each step it measures, over a window, the frames the
 * simulator received against the frames due (one per 20 ms per player) and the worker process's CPU time.
 *
 * <p>Usage: {@code AudioBench <jar> <mp3> <players,players,...> <windowSeconds>}; with the environment variable
 * {@code BENCH_FILTERS} set to a filters object (JSON), every player plays through those filters.
 */
public final class AudioBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path mp3 = Path.of(args[1]);
        List<Integer> steps = new ArrayList<>();
        for (String s : args[2].split(",")) {
            steps.add(Integer.parseInt(s.trim()));
        }
        int window = Integer.parseInt(args[3]);
        Map<Long, LongAdder> audio = new ConcurrentHashMap<>();
        LongAdder silence = new LongAdder();
        try (Harness h = new Harness(Map.of("HUB_RESUME_TIMEOUT_MS", "5000"),
                VoiceServerConfig.defaults().withHeartbeatIntervalMs(5000))) {
            h.recordFrames(false);
            h.voice.addFrameListener((ReceivedFrame f) -> {
                if (!f.isSilence()) {
                    audio.computeIfAbsent(f.guildId(), g -> new LongAdder()).increment();
                } else {
                    silence.increment();
                }
            });
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar.toString(), "--sources", "local",
                    "--local-files", "true", "--voice-tls", "false"))
                    .redirectErrorStream(true).redirectOutput(Path.of("audio-worker", "target", "bench-worker.log").toFile());
            pb.environment().put("HUB_URL", h.hubUri().toString());
            pb.environment().put("HUB_SECRET", Harness.SECRET);
            pb.environment().put("AUDIO_HTTP_PORT", "0"); // not the default 9103 a running demo may hold
            Process worker = pb.start();
            try {
                runSteps(h, worker, mp3, steps, window, audio, silence);
            } finally {
                worker.destroyForcibly().waitFor();
            }
        }
        System.exit(0);
    }

    private static void runSteps(Harness h, Process worker, Path mp3, List<Integer> steps, int window,
            Map<Long, LongAdder> audio, LongAdder silence) throws Exception {
        String track = loadWhenReady(h, mp3);
        String filtersJson = System.getenv("BENCH_FILTERS");
        com.fasterxml.jackson.databind.JsonNode filters = filtersJson == null || filtersJson.isBlank() ? null
                : dev.hubcord.protocol.codec.Json.mapper().readTree(filtersJson);
        if (filters != null) {
            System.out.println("filters: " + filters);
        }
        long tick = 100; // USER_HZ
        int started = 0;
        System.out.printf("%8s %10s %10s %8s %12s %14s %9s %9s%n", "players", "expected", "received", "loss%",
                "cpu%(1core)", "cpu ms/player/s", "silence", "violations");
        for (int n : steps) {
            for (int i = started; i < n; i++) {
                String guild = String.valueOf(800_000_000_000_000_000L + i);
                h.request("PLAYER_JOIN", guild, Map.of("channelID", "400000000000000009"));
                h.request("PLAYER_QUEUE", guild, Map.of("action", "repeat", "mode", "track"));
                h.request("PLAYER_PLAY", guild, filters == null ? Map.of("track", track)
                        : Map.of("track", track, "filters", filters));
            }
            started = n;
            // warm up: every player connected (voice gateway, UDP, DAVE key package) and sending, then 5 s more for
            // the JIT and lavaplayer's buffers; players still connecting would otherwise count as loss
            long joinedAfterMs = awaitAllSending(audio, n);
            Thread.sleep(5000);
            Map<Long, Long> before = snapshot(audio);
            long cpuBefore = cpuTicks(worker.pid());
            long silenceBefore = silence.sum();
            int violationsBefore = h.voice.violations().size();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(window);
            long elapsedNanos = System.nanoTime() - t0;
            Map<Long, Long> after = snapshot(audio);
            long cpu = cpuTicks(worker.pid()) - cpuBefore;
            long received = 0;
            for (Map.Entry<Long, Long> e : after.entrySet()) {
                received += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
            long expected = (long) n * elapsedNanos / 20_000_000L;
            double seconds = elapsedNanos / 1e9;
            double cpuSeconds = cpu / (double) tick;
            // silence = frames lavaplayer had not ready (the worker sends silence instead); violations = packets the
            // worker sent that the simulator never saw or saw out of order (UDP drops: the receiving side fell behind)
            System.out.printf("%8d %10d %10d %8.2f %12.1f %14.2f %9d %9d   (all sending %d ms after the joins)%n",
                    n, expected, received,
                    100.0 * Math.max(0, expected - received) / expected, 100 * cpuSeconds / seconds,
                    1000 * cpuSeconds / seconds / n, silence.sum() - silenceBefore,
                    h.voice.violations().size() - violationsBefore, joinedAfterMs);
        }
        System.out.println("violations: " + h.voice.violations().size()
                + (h.voice.violations().isEmpty() ? "" : " e.g. " + h.voice.violations().getFirst()));
    }

    /**
     * Loads the MP3 once the worker process answers: on a loaded machine (or under {@code nice}) its start can take
     * longer than one request's timeout.
     */
    private static String loadWhenReady(Harness h, Path mp3) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return h.load(mp3);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (attempt == 6) {
                    throw e;
                }
                System.out.println("the worker does not answer yet, retrying");
            }
        }
    }

    /** Waits until n guilds each delivered audio within the last second; returns how long that took. */
    private static long awaitAllSending(Map<Long, LongAdder> audio, int n) throws InterruptedException {
        long start = System.nanoTime();
        Map<Long, Long> last = snapshot(audio);
        while (System.nanoTime() - start < 120_000_000_000L) {
            Thread.sleep(1000);
            Map<Long, Long> now = snapshot(audio);
            long sending = now.entrySet().stream().filter(e -> e.getValue() > last.getOrDefault(e.getKey(), 0L)).count();
            if (sending >= n) {
                break;
            }
            last.clear();
            last.putAll(now);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Map<Long, Long> snapshot(Map<Long, LongAdder> audio) {
        Map<Long, Long> out = new java.util.HashMap<>();
        audio.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
    }
}
