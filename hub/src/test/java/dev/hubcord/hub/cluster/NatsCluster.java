package dev.hubcord.hub.cluster;

import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Real {@code nats-server} processes (2.10 or newer: Debian's package, see {@code src/build/nats-server.sh}) forming one JetStream cluster on
 * loopback, each with its own store under a temporary directory; a node can be killed with SIGKILL and started
 * again. Tests that need it are skipped with a clear message when {@code nats-server} is not installed
 * ({@code .ci/run} installs it).
 */
final class NatsCluster implements AutoCloseable {

    private static final String BINARY = findBinary();

    private final Path dir;
    private final int size;
    private final int[] clientPorts;
    private final int[] routePorts;
    private final Process[] processes;

    private NatsCluster(Path dir, int size) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.size = size;
        this.clientPorts = new int[size];
        this.routePorts = new int[size];
        this.processes = new Process[size];
        // all ports taken at once and released together: one at a time, the system may hand out a port twice
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * size; i++) {
                sockets.add(new ServerSocket(0));
            }
            for (int i = 0; i < size; i++) {
                clientPorts[i] = sockets.get(2 * i).getLocalPort();
                routePorts[i] = sockets.get(2 * i + 1).getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * Starts {@code size} nodes and waits until JetStream answers through every one of them. A brand-new cluster
     * whose nodes start at the same moment on a busy machine sometimes elects two metadata leaders before its routes
     * are up (each sees itself alone) and never places a replicated stream; such a start is thrown away, with its
     * empty stores, and made again (at most three times).
     */
    static NatsCluster start(Path dir, int size) throws IOException, InterruptedException {
        Assumptions.assumeTrue(BINARY != null,
                "no nats-server >= 2.10: the build links one under target/ (src/build/nats-server.sh)");
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            NatsCluster cluster = new NatsCluster(dir.resolve("attempt" + attempt), size);
            for (int i = 0; i < size; i++) {
                cluster.startNode(i);
            }
            try {
                for (int i = 0; i < size; i++) {
                    cluster.awaitJetStream(i, Duration.ofSeconds(20));
                }
                return cluster;
            } catch (AssertionError splitOnStart) {
                last = splitOnStart;
                cluster.close();
            }
        }
        throw last;
    }

    void startNode(int i) throws IOException {
        Path store = dir.resolve("node" + i);
        Files.createDirectories(store);
        String routes = java.util.stream.IntStream.range(0, size).filter(j -> j != i)
                .mapToObj(j -> "nats://127.0.0.1:" + routePorts[j]).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of(BINARY, "-a", "127.0.0.1", "-p", Integer.toString(clientPorts[i]),
                "-n", "node" + i, "-js", "-sd", store.toString()));
        if (size > 1) {
            command.addAll(List.of("--cluster_name", "hubcord-test", "--cluster",
                    "nats://127.0.0.1:" + routePorts[i], "--routes", routes));
        }
        processes[i] = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node" + i + ".log").toFile()).start();
    }

    /** SIGKILL, as a crashed machine: no goodbye to the other nodes. */
    void kill(int i) throws InterruptedException {
        processes[i].destroyForcibly();
        processes[i].waitFor(10, TimeUnit.SECONDS);
    }

    void awaitJetStream(int i) {
        awaitJetStream(i, Duration.ofSeconds(60));
    }

    private void awaitJetStream(int i, Duration timeout) {
        try {
            await("JetStream through node " + i).atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> jetStreamReady(i));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder(e.getMessage());
            for (int n = 0; n < size; n++) {
                try {
                    List<String> lines = Files.readAllLines(dir.resolve("node" + n + ".log"));
                    logs.append("\n--- node").append(n).append(".log (last 15 lines)\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
                } catch (IOException unreadable) {
                    logs.append("\n--- node").append(n).append(".log unreadable: ").append(unreadable);
                }
            }
            throw new AssertionError(logs.toString(), e);
        }
    }

    private boolean jetStreamReady(int i) throws Exception {
        try (Connection c = Nats.connect(new Options.Builder().server(url(i))
                .connectionTimeout(Duration.ofSeconds(2)).build())) {
            c.jetStreamManagement().getAccountStatistics();
            // every peer placed and current: a bucket with one replica per node can be made
            String probe = "probe-" + i + "-" + System.nanoTime();
            c.keyValueManagement().create(io.nats.client.api.KeyValueConfiguration.builder().name(probe)
                    .replicas(size).storageType(io.nats.client.api.StorageType.Memory).build());
            c.keyValueManagement().delete(probe);
            return true;
        }
    }

    String url(int i) {
        return "nats://127.0.0.1:" + clientPorts[i];
    }

    /** Every node's URL, comma-separated, as a hub takes them. */
    String urls() {
        return java.util.stream.IntStream.range(0, size).mapToObj(this::url).collect(Collectors.joining(","));
    }

    /** A client connection to one node that reconnects to the others when it dies. */
    Connection connect(int preferred) throws IOException, InterruptedException {
        List<String> servers = new ArrayList<>();
        servers.add(url(preferred));
        for (int i = 0; i < size; i++) {
            if (i != preferred) {
                servers.add(url(i));
            }
        }
        return Nats.connect(new Options.Builder().servers(servers.toArray(String[]::new)).noRandomize()
                .connectionTimeout(Duration.ofSeconds(2)).reconnectWait(Duration.ofMillis(100))
                .maxReconnects(-1).build());
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < size; i++) {
            if (processes[i] != null && processes[i].isAlive()) {
                kill(i);
            }
        }
    }

    private static String findBinary() {
        // the build links a nats-server >= 2.10 under target/ (src/build/nats-server.sh); HUBCORD_NATS_SERVER overrides
        for (String chosen : new String[] {System.getenv("HUBCORD_NATS_SERVER"), System.getProperty("hubcord.nats.server")}) {
            if (chosen != null && !chosen.isBlank() && Files.isExecutable(Path.of(chosen))) {
                return chosen;
            }
        }
        for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
