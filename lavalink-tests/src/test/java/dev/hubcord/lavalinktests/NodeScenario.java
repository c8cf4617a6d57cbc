package dev.hubcord.lavalinktests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * One {@code node js/<script> [mode]} process. Its stdout lines ({@code READY}, {@code EVENT <json>}, {@code PASS},
 * {@code FAIL <reason>}) are kept (at most {@value #MAX_LINES}, oldest dropped: a scenario prints a handful); stderr,
 * the libraries' debug output, goes to {@code target/node-<script>.stderr.log} to read after a failure.
 */
final class NodeScenario implements AutoCloseable {

    private static final int MAX_LINES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private NodeScenario(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.reader = Thread.ofVirtual().name("node-" + name).start(this::readLines);
    }

    static NodeScenario start(String script, String mode, Map<String, String> env) {
        String name = script.replace(".mjs", "") + "-" + mode;
        Path log = Path.of("target", "node-" + name + ".stderr.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("node", script, mode)
                    .directory(Path.of("js").toAbsolutePath().toFile())
                    .redirectError(log.toFile());
            builder.environment().putAll(env);
            return new NodeScenario(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + script, e);
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    if (lines.size() == MAX_LINES) {
                        lines.removeFirst();
                    }
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended; what was read stays
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The first {@code EVENT} with this field; fails with the output when there is none. */
    JsonNode event(String field) {
        for (String line : lines()) {
            if (line.startsWith("EVENT ")) {
                try {
                    JsonNode e = JSON.readTree(line.substring(6));
                    if (e.has(field)) {
                        return e.get(field);
                    }
                } catch (IOException e) {
                    throw new AssertionError(name + ": not JSON: " + line, e);
                }
            }
        }
        throw new AssertionError(name + ": no event " + field + " in " + lines());
    }

    /** Waits for a line; fails at once with the output if the scenario reports FAIL or exits first. */
    void awaitLine(Predicate<String> wanted, Duration timeout) {
        Awaitility.await(name).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<String> now = lines();
            if (now.stream().anyMatch(wanted)) {
                return true;
            }
            if (now.stream().anyMatch(l -> l.startsWith("FAIL")) || !process.isAlive() && !reader.isAlive()) {
                throw new AssertionError(name + " failed or exited: " + now + "\n" + stderrTail());
            }
            return false;
        });
    }

    /** Waits for PASS and exit 0. */
    void awaitPass(Duration timeout) throws InterruptedException {
        awaitLine("PASS"::equals, timeout);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(name + " printed PASS but did not exit 0: " + lines());
        }
    }

    private String stderrTail() {
        try {
            List<String> all = Files.readAllLines(stderr);
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
