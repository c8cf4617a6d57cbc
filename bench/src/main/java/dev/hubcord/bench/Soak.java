package dev.hubcord.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The soak: a hub process under a steady routed load (EXECUTE_COMMAND from load sharders to load commands workers,
 * each acknowledged) for a given time, sampled every 10 s into {@code soak.csv} and drawn into {@code soak.png}, then
 * judged: memory flat after warm-up, nothing lost, p99 steady. Run by {@code bench/soak.sh [minutes]}.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = "Routes a steady load through a hub and samples it.")
public final class Soak implements Callable<Integer> {

    static final int SAMPLE_SECONDS = 10;

    @Option(names = "--minutes", defaultValue = "30", description = "how long to run (default ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--rate", defaultValue = "10000", description = "events/s (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--out", defaultValue = "bench/target/soak", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--hub-jar", defaultValue = "hub/target/hub.jar", description = "hub jar (default ${DEFAULT-VALUE})")
    Path hubJar;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Soak()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Path gcLog = out.resolve("hub-gc.log");
        Files.deleteIfExists(gcLog);
        String secret = "soak-secret";
        List<SoakSample> samples = new ArrayList<>();
        long sent;
        long acked;
        long redelivered;
        try (HubProcess hub = HubProcess.start(hubJar, secret, List.of("-Xlog:gc:file=" + gcLog), out.resolve("hub.log"));
                LoadCluster cluster = new LoadCluster(hub.webSocket(), secret, false, 2, 4, 1)) {
            ProcessProbe probe = new ProcessProbe(hub.process.pid(), hub.port, gcLog);
            System.out.printf(Locale.ROOT, "soak: hub pid %d, %d events/s for %.1f min, sampling every %d s into %s%n",
                    hub.process.pid(), rate, minutes, SAMPLE_SECONDS, out.resolve("soak.csv"));
            System.out.println(SoakSample.CSV_HEADER);
            long samplesWanted = Math.max(3, Math.round(minutes * 60 / SAMPLE_SECONDS));
            try (FixedRate load = new FixedRate(cluster, rate, 0)) {
                long start = System.nanoTime();
                long ackedBefore = 0;
                for (int i = 1; i <= samplesWanted; i++) {
                    long due = start + i * SAMPLE_SECONDS * 1_000_000_000L;
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000)); // the sampling period itself
                    Histogram latency = cluster.stats.takeLatencies();
                    long ackedNow = cluster.stats.acked.sum();
                    double[] gc = probe.gcSinceLastCall();
                    SoakSample s = new SoakSample((long) i * SAMPLE_SECONDS, probe.heapAfterGcMb(), probe.rssMb(),
                            probe.threads(), probe.fds(), (int) gc[0], gc[1], probe.metric("hub_acks_pending"),
                            (ackedNow - ackedBefore) / (double) SAMPLE_SECONDS, latency.getValueAtPercentile(99) / 1000.0);
                    ackedBefore = ackedNow;
                    samples.add(s);
                    System.out.println(s.csv());
                }
            }
            // let what is in flight be acknowledged before counting (bounded: LoadCluster.close waits too)
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (cluster.stats.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            sent = cluster.stats.sent.sum();
            acked = cluster.stats.acked.sum();
            redelivered = cluster.stats.redelivered.sum();
        }
        List<String> csv = new ArrayList<>(List.of(SoakSample.CSV_HEADER));
        samples.forEach(s -> csv.add(s.csv()));
        Files.write(out.resolve("soak.csv"), csv);
        SoakPlot.draw(samples, out.resolve("soak.png"));
        return verdict(samples, sent, acked, redelivered) ? 0 : 1;
    }

    /** Prints each criterion and whether it held. Warm-up is the first third of the samples (at most 5 minutes). */
    static boolean verdict(List<SoakSample> samples, long sent, long acked, long redelivered) {
        int warm = (int) Math.min(samples.size() / 3, 30);
        List<SoakSample> steady = samples.subList(warm, samples.size());
        int half = steady.size() / 2;
        List<SoakSample> early = steady.subList(0, Math.max(1, half));
        List<SoakSample> late = steady.subList(half, steady.size());
        double heapEarly = median(early, SoakSample::heapAfterGcMb);
        double heapLate = median(late, SoakSample::heapAfterGcMb);
        double rssEarly = median(early, SoakSample::rssMb);
        double rssLate = median(late, SoakSample::rssMb);
        double p99Early = median(early, SoakSample::p99Ms);
        double p99Late = median(late, SoakSample::p99Ms);
        double fdsEarly = median(early, s -> s.fds());
        double fdsLate = median(late, s -> s.fds());
        boolean heapFlat = heapLate <= heapEarly * 1.2 + 16;
        boolean rssFlat = rssLate <= rssEarly * 1.1 + 32;
        boolean fdsFlat = fdsLate <= fdsEarly + 5;
        boolean nothingLost = acked == sent;
        boolean p99Steady = p99Late <= p99Early * 2 + 1;
        System.out.printf(Locale.ROOT, "%s heap after GC flat: %.0f MB -> %.0f MB (median, first vs second half after "
                + "warm-up; allowed +20%% + 16 MB)%n", mark(heapFlat), heapEarly, heapLate);
        System.out.printf(Locale.ROOT, "%s RSS flat: %.0f MB -> %.0f MB (allowed +10%% + 32 MB)%n", mark(rssFlat), rssEarly,
                rssLate);
        System.out.printf(Locale.ROOT, "%s file descriptors flat: %.0f -> %.0f%n", mark(fdsFlat), fdsEarly, fdsLate);
        System.out.printf(Locale.ROOT, "%s nothing lost: %,d sent, %,d acknowledged, %,d redelivered%n", mark(nothingLost),
                sent, acked, redelivered);
        System.out.printf(Locale.ROOT, "%s p99 steady: %.3f ms -> %.3f ms (allowed 2x + 1 ms)%n", mark(p99Steady),
                p99Early, p99Late);
        boolean pass = heapFlat && rssFlat && fdsFlat && nothingLost && p99Steady;
        System.out.println(pass ? "SOAK PASSED" : "SOAK FAILED");
        return pass;
    }

    private static String mark(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    private static double median(List<SoakSample> samples, java.util.function.ToDoubleFunction<SoakSample> f) {
        double[] v = samples.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    static double[] column(List<SoakSample> samples, java.util.function.ToDoubleFunction<SoakSample> f) {
        return samples.stream().mapToDouble(f).toArray();
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(1);
    }
}
