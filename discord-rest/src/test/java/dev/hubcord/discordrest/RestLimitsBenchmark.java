package dev.hubcord.discordrest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of {@code bench/rest-limits-bench.sh} (skipped unless {@code -Dbench.seconds} is set): 4 REST
 * clients flooding, at Discord's default limits, one channel's message bucket, one guild's ban routes (PUT and
 * DELETE share a bucket) and a route where only the global limit binds ({@code GET /channels/:id} over many
 * channels), once coordinated by the hub and once with a limiter per client; then the latency the hub adds to a
 * request that needs no wait, p50/p99.
 */
class RestLimitsBenchmark {

    private static final int CLIENTS = 4;

    @Test
    void coordinatedAgainstLocal() throws Exception {
        String seconds = System.getProperty("bench.seconds");
        assumeTrue(seconds != null && !seconds.isBlank(), "set -Dbench.seconds to run the benchmark");
        int duration = Integer.parseInt(seconds);
        System.out.printf(Locale.ROOT, "%n%d REST clients, %d s per mode, Discord's default limits (global 50/s,"
                + " messages 5/5 s per channel, bans 5/5 s per guild, GET channel 5/1 s per channel)%n", CLIENTS,
                duration);
        System.out.printf(Locale.ROOT, "%-12s %-32s %10s %10s %8s %8s%n", "mode", "bucket", "req/s", "limit/s", "429s",
                "errors");
        for (boolean coordinated : new boolean[] {true, false}) {
            flood(coordinated, duration);
        }
        for (boolean coordinated : new boolean[] {true, false}) {
            latency(coordinated);
        }
    }

    private void flood(boolean coordinated, int duration) throws Exception {
        try (Deployment d = new Deployment(RestConfig.defaults(), CLIENTS, coordinated)) {
            List<Long> channels = d.channels();
            long channel = channels.getFirst();
            SimGuild guild = d.sim.population().guilds().getFirst();
            List<Long> users = d.sim.population().guilds().get(1).snapshot().members().stream()
                    .map(SimMember::userId).toList();
            List<Long> others = channels.subList(1, channels.size());
            List<Thread> threads = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
            for (DiscordRest client : d.clients) {
                int first = threads.size() * 7; // each client bans and unbans users of its own: no 404 Unknown Ban
                threads.add(loop(end, n -> client.execute(RestRequest.of("POST", "/channels/" + channel + "/messages")
                        .withBody(Map.of("content", "bench " + n)))));
                threads.add(loop(end, n -> client.execute(RestRequest.of(n % 2 == 0 ? "PUT" : "DELETE",
                        "/guilds/" + guild.id() + "/bans/" + users.get((first + n / 2) % users.size()))
                        .withBody(Map.of()))));
                for (int i = 0; i < 6; i++) {
                    int offset = i * 5;
                    threads.add(loop(end, n -> client.execute(RestRequest.of("GET",
                            "/channels/" + others.get((n + offset) % others.size())))));
                }
            }
            for (Thread t : threads) {
                t.join();
            }
            List<RestExchange.Recorded> all = d.sim.control().restRequests();
            String mode = coordinated ? "hub" : "per-process";
            row(mode, "POST /channels/:id/messages (1)", all, r -> r.path().endsWith("/messages"), duration, 1.0);
            row(mode, "PUT+DELETE /guilds/:id/bans (1)", all, r -> r.path().contains("/bans/"), duration, 1.0);
            row(mode, "GET /channels/:id (" + others.size() + ")", all,
                    r -> r.method().equals("GET") && r.path().matches(".*/channels/\\d+"), duration, 48.0);
            row(mode, "all (global)", all, r -> true, duration, 50.0);
        }
    }

    private static void row(String mode, String bucket, List<RestExchange.Recorded> all,
            Predicate<RestExchange.Recorded> which, int duration, double limit) {
        List<RestExchange.Recorded> rs = all.stream().filter(which).toList();
        long ok = rs.stream().filter(r -> r.status() / 100 == 2).count();
        long limited = rs.stream().filter(r -> r.status() == 429).count();
        long errors = rs.size() - ok - limited;
        System.out.printf(Locale.ROOT, "%-12s %-32s %10.2f %10.2f %8d %8d%n", mode, bucket, ok / (double) duration,
                limit, limited, errors);
    }

    /** One client, 20 requests per second (well under every limit): what the wait for a permit costs. */
    private void latency(boolean coordinated) throws Exception {
        try (Deployment d = new Deployment(RestConfig.defaults(), 1, coordinated)) {
            DiscordRest client = d.clients.getFirst();
            List<Long> channels = d.channels();
            for (int n = 0; n < 400; n++) {
                client.execute(RestRequest.of("GET", "/channels/" + channels.get(n % channels.size())));
                Thread.sleep(50);
            }
            SimpleMeterRegistry registry = d.registries.getFirst();
            Timer wait = registry.find("discord.rest.permit.wait").timer();
            ValueAtPercentile[] p = wait.takeSnapshot().percentileValues();
            System.out.printf(Locale.ROOT, "%-12s permit wait over %d requests at 20/s: p50 %.3f ms, p99 %.3f ms%n",
                    coordinated ? "hub" : "per-process", wait.count(), p[0].value(TimeUnit.MILLISECONDS),
                    p[1].value(TimeUnit.MILLISECONDS));
        }
    }

    private interface Call {
        void run(int n);
    }

    private static Thread loop(long endNanos, Call call) {
        return Thread.ofVirtual().start(() -> {
            for (int n = 0; System.nanoTime() - endNanos < 0; n++) {
                try {
                    call.run(n);
                } catch (DiscordRestException e) {
                    // counted at the sim: its record has every status
                }
            }
        });
    }
}
