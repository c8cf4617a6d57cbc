package dev.hubcord.systemtests.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code ./run.sh} started as a user starts it, in a process group of its own so a test can "press Ctrl-C". */
public final class RunScript {

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final String DEMO_SECRET = "hubcord-demo-secret";

    private RunScript() {}

    /**
     * Starts {@code run.sh SERVICES...} with the hub on {@code hubPort}, the simulator on {@code hubPort + 1}, its
     * run directory (and logs) under {@code dir}, the test JVM's Java, and {@code env} added.
     */
    public static ServiceProcess start(String name, int hubPort, Path dir, Map<String, String> env,
            String... services) {
        List<String> args = Stream.concat(Stream.of("setsid", "bash", ROOT.resolve("run.sh").toString()),
                Stream.of(services)).toList();
        Map<String, String> all = new HashMap<>(Map.of("HUB_PORT", Integer.toString(hubPort), "SIM_PORT",
                Integer.toString(hubPort + 1), "RUN_DIR", dir.toString(), "JAVA_HOME", System.getProperty("java.home")));
        all.putAll(env);
        return ServiceProcess.startCommand(name, args, all, dir.resolve("logs"));
    }

    /** Sends a signal to a whole process group, e.g. {@code INT}: a terminal's Ctrl-C. */
    public static void signalGroup(String signal, long pgid) throws Exception {
        int code = new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid).start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("kill -" + signal + " -" + pgid + " exited with " + code);
        }
    }

    /** Two consecutive free ports: the hub's and the simulator's. */
    public static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try (ServerSocket s = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
