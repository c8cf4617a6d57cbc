package dev.hubcord.lavalinktests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An audio worker started from its jar as {@code ./run.sh} would, with local files allowed and plain {@code ws://}
 * to the simulated voice server; output to {@code target/<name>.log}. {@link #kill()} is {@code kill -9}.
 */
final class AudioWorkerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("..", "audio-worker", "target", "audio-worker.jar").toAbsolutePath();

    private final Process process;

    private AudioWorkerProcess(Process process) {
        this.process = process;
    }

    static AudioWorkerProcess start(String name, int hubPort, String secret) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build the modules first (./mvnw verify does)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toAbsolutePath().toFile());
        builder.environment().putAll(java.util.Map.of("HUB_URL", "ws://127.0.0.1:" + hubPort + "/ws/v1",
                "HUB_SECRET", secret, "AUDIO_NAME", name, "AUDIO_VOICE_TLS", "false", "AUDIO_SOURCES", "local",
                "AUDIO_LOCAL_FILES", "true", "AUDIO_PLAYER_UPDATE_MS", "1000",
                // several workers on one machine: each its own free health and metrics port
                "AUDIO_HTTP_PORT", "0"));
        try {
            Files.createDirectories(Path.of("target"));
            return new AudioWorkerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no socket closed politely. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }


    @Override
    public void close() {
        process.destroyForcibly();
    }
}
