package dev.hubcord.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a hub process's vital signs: {@code /proc/<pid>/status} (resident memory, threads), {@code /proc/<pid>/fd},
 * the hub's {@code /metrics}, and the GC log it writes ({@code -Xlog:gc}), from which each read takes the pauses
 * logged since the previous read and the heap after the last of them.
 */
final class ProcessProbe {

    /** A unified-logging GC line: "... Pause Young (Allocation Failure) 300M->12M(981M) 3.456ms". */
    private static final Pattern PAUSE = Pattern.compile("Pause .*?(\\d+)M->(\\d+)M\\(\\d+M\\) ([0-9.]+)ms");

    private final long pid;
    private final int port;
    private final Path gcLog;
    private final HttpClient http = HttpClient.newHttpClient();
    private int gcLinesRead;
    private double lastHeapAfterGc;

    ProcessProbe(long pid, int port, Path gcLog) {
        this.pid = pid;
        this.port = port;
        this.gcLog = gcLog;
    }

    double rssMb() {
        return statusField("VmRSS:") / 1024.0;
    }

    int threads() {
        return (int) statusField("Threads:");
    }

    int fds() {
        try (Stream<Path> s = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return (int) s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The value of one unlabelled series on the hub's {@code /metrics}, or NaN. */
    double metric(String name) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Double.parseDouble(line.substring(name.length() + 1).trim());
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Double.NaN;
    }

    /** GC pauses since the last call: {count, longest ms}; {@link #heapAfterGcMb()} is then the heap after the last one. */
    double[] gcSinceLastCall() {
        List<String> lines;
        try {
            lines = Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = 0;
        double max = 0;
        for (int i = gcLinesRead; i < lines.size(); i++) {
            Matcher m = PAUSE.matcher(lines.get(i));
            if (m.find()) {
                count++;
                max = Math.max(max, Double.parseDouble(m.group(3)));
                lastHeapAfterGc = Double.parseDouble(m.group(2));
            }
        }
        gcLinesRead = lines.size();
        return new double[] {count, max};
    }

    double heapAfterGcMb() {
        return lastHeapAfterGc;
    }

    private long statusField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
