package dev.hubcord.sharder.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code java -jar sharder/target/sharder.jar} process, its output in a file. Closing sends SIGTERM. */
public final class SharderProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private SharderProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("sharder.jar", "target/sharder.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the ITs run after package");
        }
        return jar;
    }

    public static SharderProcess start(String name, Map<String, String> env) throws IOException {
        Path log = Files.createTempFile("sharder-" + name + "-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        pb.environment().putAll(env);
        pb.environment().put("SHARDER_NAME", name);
        // several sharders run at once here: any free port (logged) unless the test picks one
        pb.environment().putIfAbsent("SHARDER_HTTP_PORT", "0");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return new SharderProcess(pb.start(), log);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The HTTP port the process logged (SHARDER_HTTP_PORT=0), or -1. */
    public int httpPort() {
        Matcher m = Pattern.compile("event=http_listening host=\\S+ port=(\\d+)").matcher(output());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() {
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
