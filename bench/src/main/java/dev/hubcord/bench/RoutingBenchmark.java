package dev.hubcord.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures routed EXECUTE_COMMAND events per second through a hub, end to end: a sharder client
 * sends, the hub picks a commands worker, the worker receives and acknowledges with op 7. Runs each
 * scenario (maximum throughput with a bounded in-flight window, and a fixed rate for latency) with
 * and without zstd, against a hub it starts from {@code hub/target/hub.jar} or one given by {@code --url}.
 */
@Command(name = "routing-bench", mixinStandardHelpOptions = true,
        description = "Routed EXECUTE_COMMAND throughput and latency through a hub.")
public final class RoutingBenchmark implements Callable<Integer> {

    @Option(names = "--url", description = "WebSocket URL of a running hub (default: start hub/target/hub.jar)")
    URI url;

    @Option(names = "--secret", defaultValue = "bench-secret", description = "hub secret (default ${DEFAULT-VALUE})")
    String secret;

    @Option(names = "--hub-jar", defaultValue = "hub/target/hub.jar", description = "hub jar to start (default ${DEFAULT-VALUE})")
    Path hubJar;

    @Option(names = "--sharders", defaultValue = "2", description = "sharder connections (default ${DEFAULT-VALUE})")
    int sharders;

    @Option(names = "--workers", defaultValue = "4", description = "commands worker connections (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--window", defaultValue = "4000", description = "max events in flight in throughput mode (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--rate", defaultValue = "10000", description = "events/s in the latency scenario (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds of warm-up per scenario (default ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--duration", defaultValue = "15", description = "measured seconds per scenario (default ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--client-threads", defaultValue = "2", description = "event loop threads of the load clients (default ${DEFAULT-VALUE})")
    int clientThreads;

    @Option(names = "--compression", split = ",", defaultValue = "none,zstd", description = "none and/or zstd (default ${DEFAULT-VALUE})")
    List<String> compressions;

    record Result(String scenario, String compression, double eventsPerSecond, Histogram latency, long redelivered) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new RoutingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        HubProcess hub = null;
        URI target = url;
        if (target == null) {
            hub = HubProcess.start(hubJar, secret, List.of(), Path.of("bench-hub.log"));
            target = hub.webSocket();
        }
        try {
            System.out.printf(Locale.ROOT, "hub %s, %d sharders, %d commands workers, %d cores, java %s%n", target,
                    sharders, workers, Runtime.getRuntime().availableProcessors(), Runtime.version());
            List<Result> results = new ArrayList<>();
            for (String compression : compressions) {
                boolean zstd = compression.equals("zstd");
                results.add(run(target, zstd, "max throughput (window " + window + ")", 0));
                results.add(run(target, zstd, "fixed " + rate + "/s", rate));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-28s %-6s %12s %9s %9s %9s %9s%n", "scenario", "zstd", "events/s", "p50 ms",
                    "p99 ms", "p99.9 ms", "max ms");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "%-28s %-6s %12.0f %9.3f %9.3f %9.3f %9.3f%n", r.scenario(), r.compression(),
                        r.eventsPerSecond(), ms(r.latency(), 50), ms(r.latency(), 99), ms(r.latency(), 99.9),
                        r.latency().getMaxValue() / 1000.0);
            }
            return 0;
        } finally {
            if (hub != null) {
                hub.close();
            }
        }
    }

    private Result run(URI target, boolean zstd, String scenario, int fixedRate) throws Exception {
        try (LoadCluster cluster = new LoadCluster(target, secret, zstd, sharders, workers, clientThreads)) {
            LoadStats stats = cluster.stats;
            FixedRate load = new FixedRate(cluster, fixedRate, window);
            Thread.sleep(warmupSeconds * 1000L);
            stats.takeLatencies();
            long acked0 = stats.acked.sum();
            long t0 = System.nanoTime();
            Thread.sleep(durationSeconds * 1000L);
            long acked1 = stats.acked.sum();
            long t1 = System.nanoTime();
            Histogram latency = stats.takeLatencies();
            load.close();
            double eps = (acked1 - acked0) / ((t1 - t0) / 1e9);
            System.out.printf(Locale.ROOT, "%-28s zstd=%-5s %,10.0f events/s acknowledged, p99 %.3f ms%n", scenario, zstd, eps,
                    ms(latency, 99));
            return new Result(scenario, zstd ? "yes" : "no", eps, latency, stats.redelivered.sum());
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
