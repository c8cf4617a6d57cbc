package dev.hubcord.systemtests.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as separate processes, started the way {@code ./run.sh} starts it: discord-sim, the hub, and a
 * configurable number of sharders, commands workers and audio workers. Tests drive it only through {@link #sim()}
 * and {@link #hub()}; processes are killed and restarted by name as an operator would.
 */
public final class Deployment implements AutoCloseable {

    public static final String SECRET = "system-test-secret";
    public static final String TOKEN = "system-test-token";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> JVM = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");

    private final Topology topology;
    private final Path dir;
    private final Map<String, ServiceProcess> processes = new HashMap<>();
    private final int hubPort;
    private int simPort;
    private SimApi sim;
    private HubApi hub;

    private Deployment(Topology topology, Path dir) {
        this.topology = topology;
        this.dir = dir;
        this.hubPort = freePort();
    }

    /** Starts everything and waits until every shard is READY and every worker has identified. */
    public static Deployment start(Topology topology, Path dir) {
        Deployment d = new Deployment(topology, dir);
        try {
            d.startSim();
            d.startHub();
            for (int i = 1; i <= topology.sharders(); i++) {
                d.startSharder("sharder-" + i);
            }
            for (int i = 1; i <= topology.commandsWorkers(); i++) {
                d.startCommands("commands-" + i);
            }
            for (int i = 1; i <= topology.audioWorkers(); i++) {
                d.startAudio("audio-" + i);
            }
            d.awaitReady();
            return d;
        } catch (RuntimeException | Error e) {
            d.close();
            throw e;
        }
    }

    public SimApi sim() {
        return sim;
    }

    public HubApi hub() {
        return hub;
    }

    public Path dir() {
        return dir;
    }

    public ServiceProcess process(String name) {
        ServiceProcess p = processes.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no process " + name + " (have " + processes.keySet() + ")");
        }
        return p;
    }

    /** Waits until every shard runs READY on some sharder and the hub lists the expected workers. */
    public void awaitReady() {
        await("every shard READY and every worker connected").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    JsonNode shards = hub.shards();
                    if (shards.size() != topology.shards()) {
                        return false;
                    }
                    for (JsonNode s : shards) {
                        if (!s.path("status").asText().equalsIgnoreCase("ready")) {
                            return false;
                        }
                    }
                    return hub.connected("sharder") == running("sharder-")
                            && hub.connected("commands") == running("commands-")
                            && hub.connected("audio") == running("audio-");
                });
    }

    /** Starts a stopped or killed process again under its name, with the settings it had. */
    public void restart(String name) {
        if (name.equals("hub")) {
            startHub();
        } else if (name.startsWith("sharder-")) {
            startSharder(name);
        } else if (name.startsWith("commands-")) {
            startCommands(name);
        } else if (name.startsWith("audio-")) {
            startAudio(name);
        } else {
            throw new IllegalArgumentException("cannot restart " + name);
        }
    }

    /** Restarts whatever is not running (the hub first) and waits until the system is whole again. */
    public void heal() {
        if (!process("hub").isAlive()) {
            restart("hub");
        }
        for (String name : new ArrayList<>(processes.keySet())) {
            if (!processes.get(name).isAlive() && !name.equals("discord-sim")) {
                restart(name);
            }
        }
        awaitReady();
    }

    private int running(String prefix) {
        return (int) processes.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().isAlive()).count();
    }

    private void startSim() {
        ObjectNode config = Http.JSON.createObjectNode();
        config.putObject("population").put("guilds", topology.guilds()).put("largeGuildEvery", 3)
                .put("largeGuildMembers", topology.largeGuildMembers()).put("membersPerGuild", 40)
                .put("users", topology.largeGuildMembers() + 500).put("voiceStatesPerGuild", 3)
                // RestLimitsIT spreads commands over 60 channels of the large guilds, 5 each (one per-channel bucket)
                .put("textChannelsPerGuild", 22);
        config.putObject("gateway").put("recommendedShards", topology.shards());
        Path file = dir.resolve("sim.json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess p = launch("discord-sim", jar("discord-sim"), Map.of(),
                List.of("--port", "0", "--token", TOKEN, "--config", file.toString()));
        String line = p.awaitLine(l -> l.startsWith("DISCORD_SIM_PORT="), Duration.ofSeconds(60));
        simPort = Integer.parseInt(line.substring("DISCORD_SIM_PORT=".length()).trim());
        sim = new SimApi(simPort);
    }

    /** Starts the hub (again, after a kill: same port, same settings). */
    public void startHub() {
        Map<String, String> env = new HashMap<>(topology.hubSettings());
        env.put("HUB_PORT", Integer.toString(hubPort));
        env.put("HUB_HOST", "127.0.0.1");
        env.put("HUB_SECRET", SECRET);
        launch("hub", jar("hub"), env, List.of());
        hub = new HubApi(hubPort, SECRET);
        await("the hub's /health").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(hub::healthy);
    }

    public void startSharder(String name) {
        Map<String, String> env = new HashMap<>(common());
        env.putAll(discord());
        env.put("SHARDER_NAME", name);
        env.putAll(topology.sharderSettings());
        launch(name, jar("sharder"), env, List.of());
    }

    public void startCommands(String name) {
        Map<String, String> env = new HashMap<>(common());
        env.putAll(discord());
        env.put("COMMANDS_NAME", name);
        env.put("COMMANDS_DB", dir.resolve("commands.db").toString());
        env.put("COMMANDS_PLUGINS_DIR", plugins().toString());
        env.putAll(topology.commandsSettings());
        launch(name, jar("commands-worker"), env, List.of());
    }

    public void startAudio(String name) {
        Map<String, String> env = new HashMap<>(common());
        env.put("AUDIO_NAME", name);
        env.put("AUDIO_VOICE_TLS", "false");
        env.put("AUDIO_SOURCES", "http");
        env.put("AUDIO_LIBRARY_DIR", library().toString());
        env.putAll(topology.audioSettings());
        launch(name, jar("audio-worker"), env, List.of());
    }

    /**
     * The commands workers' plugins directory: the example bot's jar (docs/commands.md), loaded by both workers as
     * a bot author's jar is, through {@code COMMANDS_PLUGINS_DIR}.
     */
    private Path plugins() {
        Path plugins = dir.resolve("plugins");
        try {
            Files.createDirectories(plugins);
            Files.copy(jar("example-bot"), plugins.resolve("example-bot.jar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plugins;
    }

    /** The audio workers' music library: the demo library the audio worker's jar writes (as run.sh does). */
    private Path library() {
        Path dir = this.dir.resolve("music");
        if (!Files.isDirectory(dir)) {
            try {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", jar("audio-worker").toString(), "dev.hubcord.audio.library.DemoLibrary", dir.toString())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("DemoLibrary failed: " + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    private Map<String, String> common() {
        // several workers of a kind run at once here: each health/metrics port on any free port (logged), not the default
        return Map.of("HUB_URL", "ws://127.0.0.1:" + hubPort + "/ws/v1", "HUB_SECRET", SECRET,
                "SHARDER_HTTP_PORT", "0", "COMMANDS_HTTP_PORT", "0", "AUDIO_HTTP_PORT", "0");
    }

    private Map<String, String> discord() {
        return Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_API_BASE", "http://127.0.0.1:" + simPort + "/api/v10");
    }

    private ServiceProcess launch(String name, Path jar, Map<String, String> env, List<String> args) {
        ServiceProcess old = processes.get(name);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        // a restarted process keeps the old log beside its own
        String logName = old == null ? name : name + "-" + System.currentTimeMillis();
        ServiceProcess p = ServiceProcess.start(logName, jar, env, JVM, args, dir.resolve("logs"));
        processes.put(name, p);
        return p;
    }

    private static Path jar(String module) {
        Path jar = ROOT.resolve(module).resolve("target").resolve(module.equals("commands-worker") ? "commands-worker.jar"
                : module.equals("audio-worker") ? "audio-worker.jar" : module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the modules first (./mvnw verify does)");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops everything, the hub last (as run.sh does). */
    @Override
    public void close() {
        List<String> order = new ArrayList<>(processes.keySet());
        order.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String name : order) {
            processes.get(name).close();
        }
    }

    private static int rank(String name) {
        return name.startsWith("hub") ? 2 : name.startsWith("discord-sim") ? 3 : 1;
    }
}
