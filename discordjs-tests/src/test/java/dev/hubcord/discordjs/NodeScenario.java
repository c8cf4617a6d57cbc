package dev.hubcord.discordjs;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * One {@code node js/scenarios.mjs <scenario>} process. Its stdout lines ({@code READY}, {@code EVENT <json>},
 * {@code PASS}, {@code FAIL <reason>}) are kept for the test; stderr goes to a file under {@code target/} so a
 * failure can be read afterwards. At most {@value #MAX_LINES} lines are kept: a scenario prints a handful, so
 * more means a runaway script, and the oldest are dropped (the verdict line is the last one).
 */
final class NodeScenario implements AutoCloseable {

    private static final int MAX_LINES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private NodeScenario(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = Thread.ofVirtual().name("node-" + name).start(this::readLines);
    }

    /** Starts the scenario with the module's {@code js/} directory as working directory and the given environment. */
    static NodeScenario start(String scenario, Map<String, String> env) {
        Path js = Path.of("js").toAbsolutePath();
        Path log = Path.of("target", "node-" + scenario + ".stderr.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("node", "scenarios.mjs", scenario)
                    .directory(js.toFile())
                    .redirectError(log.toFile());
            builder.environment().putAll(env);
            return new NodeScenario(scenario, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node for scenario " + scenario, e);
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
            // the process ended or was killed; what was read stays available
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The JSON of every {@code EVENT} line so far. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("EVENT ")) {
                try {
                    events.add(JSON.readTree(line.substring(6)));
                } catch (IOException e) {
                    throw new AssertionError(name + ": not JSON: " + line, e);
                }
            }
        }
        return events;
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

    void awaitReady() {
        awaitLine("READY"::equals, Duration.ofSeconds(30));
    }

    /** The first event with this field, once it arrived. */
    JsonNode awaitEvent(String field, Duration timeout) {
        awaitLine(l -> l.startsWith("EVENT ") && events().stream().anyMatch(e -> e.has(field)), timeout);
        return event(field);
    }

    /** The first event with this field; fails with the output if there is none. */
    JsonNode event(String field) {
        return events().stream().filter(e -> e.has(field)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no event with " + field + " in " + lines()));
    }

    /** Waits for PASS and the process's exit 0. */
    void awaitPass(Duration timeout) {
        awaitLine("PASS"::equals, timeout);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " printed PASS but did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " exited " + process.exitValue() + ": " + lines());
        }
    }

    private String stderrTail() {
        try {
            List<String> err = Files.readAllLines(Path.of("target", "node-" + name + ".stderr.log"));
            return String.join("\n", err.subList(Math.max(0, err.size() - 20), err.size()));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    /** Runs a scenario against the sim: {@link #baseEnv} plus the scenario's own variables. */
    static NodeScenario start(dev.hubcord.discordsim.DiscordSim sim, String scenario, Map<String, String> extra) {
        Map<String, String> env = baseEnv(sim.apiBaseUrl(), sim.token());
        env.putAll(extra);
        return start(scenario, env);
    }

    /** The environment every scenario needs: where the sim's REST API is and the bot token. */
    static Map<String, String> baseEnv(String apiBaseUrl, String token) {
        Map<String, String> env = new HashMap<>();
        // discord.js appends /v10 itself (rest.version); the sim serves under /api/v10
        env.put("SIM_API", apiBaseUrl.substring(0, apiBaseUrl.lastIndexOf("/v")));
        env.put("SIM_TOKEN", token);
        return env;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
