package dev.hubcord.systemtests.harness;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One service jar running as its own JVM. Its output goes to a log file (kept after the test, for the reader of a
 * failure) and its last lines stay in memory for assertions. {@link #kill()} is {@code kill -9}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final int KEPT_LINES = 5_000;

    private final String name;
    private final Process process;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    private ServiceProcess(String name, Process process, Path log) throws IOException {
        this.name = name;
        this.process = process;
        Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        this.reader = Thread.ofVirtual().name("output-" + name).start(() -> pump(file));
    }

    /**
     * Starts {@code java -jar JAR ARGS} with the test JVM's own Java (25) and the given environment added.
     *
     * @param jvmOptions e.g. a heap cap: eight JVMs share the machine
     */
    public static ServiceProcess start(String name, Path jar, Map<String, String> env, List<String> jvmOptions,
            List<String> args, Path logDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return launch(name, command, env, logDir, Path.of(".").toAbsolutePath());
    }

    /** Starts any command (e.g. {@code run.sh}) in the project's root, its output kept the same way. */
    public static ServiceProcess startCommand(String name, List<String> command, Map<String, String> env,
            Path logDir) {
        return launch(name, command, env, logDir, Path.of("..").toAbsolutePath().normalize());
    }

    private static ServiceProcess launch(String name, List<String> command, Map<String, String> env, Path logDir,
            Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logDir);
            return new ServiceProcess(name, builder.start(), logDir.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void pump(Writer file) {
        try (file; BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                synchronized (lines) {
                    if (lines.size() == KEPT_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines it printed (up to 5,000). */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String output() {
        return String.join("\n", lines());
    }

    /** The first kept line that matches, once one exists; fails at once, with the output's tail, if the process exits. */
    public String awaitLine(Predicate<String> match, Duration timeout) {
        AtomicReference<String> found = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                lines().stream().filter(match).findFirst().ifPresent(found::set);
                if (found.get() == null && !process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(40));
                }
                return found.get() != null;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + ": no matching line within " + timeout + ":\n" + tail(40), e);
        }
        return found.get();
    }

    public String tail(int n) {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /** {@code kill -9}: no shutdown hook runs, no socket is closed politely. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGTERM, then waits for the JVM to finish its shutdown; its exit code. */
    public int stop() {
        process.destroy();
        if (!waitFor(Duration.ofSeconds(20))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(5));
        }
        return process.exitValue();
    }

    private boolean waitFor(Duration timeout) {
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (ended) {
                reader.join(Duration.ofSeconds(2));
            }
            return ended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
