package dev.hubcord.commands.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A worker as its own JVM, started from the shaded jar (plus extra jars), its output in a file. */
final class WorkerProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "commands-worker.jar").toAbsolutePath();

    private final Process process;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static WorkerProcess start(Path dir, String name, Map<String, String> env, Path... extraJars) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the ITs after package (mvn verify)");
        }
        StringBuilder cp = new StringBuilder(JAR.toString());
        for (Path jar : extraJars) {
            cp.append(java.io.File.pathSeparator).append(jar.toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", cp.toString(),
                "dev.hubcord.commands.CommandsMain"));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("COMMANDS_NAME", name);
        // workers of one test may overlap: /health, /ready and /metrics on any free port (logged)
        pb.environment().putIfAbsent("COMMANDS_HTTP_PORT", "0");
        WorkerProcess p = new WorkerProcess(pb.start(), log);
        await().atMost(Duration.ofSeconds(20)).until(() -> p.output().contains("IDENTIFYING -> CONNECTED")
                || !p.process.isAlive());
        if (!p.process.isAlive()) {
            throw new IllegalStateException(name + " exited:\n" + p.output());
        }
        return p;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The /health, /ready and /metrics port the process logged, or -1. */
    int httpPort() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("event=http_listening host=\\S+ port=(\\d+)")
                .matcher(output());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** SIGKILL: no shutdown hook, no ACK, no close of the hub session. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM: the worker finishes what it runs and ends its session. */
    int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
