package dev.hubcord.sharder.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.sharder.Sharder;
import dev.hubcord.sharder.config.SharderConfig;
import dev.hubcord.sharder.gateway.Shard;
import dev.hubcord.sharder.gateway.ShardState;
import dev.hubcord.sharder.support.Hub;
import dev.hubcord.sharder.support.TestSharders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sharder/bench.sh [throughput|startup|all]}: the sim, a real hub and one sharder in one JVM
 * (so all three share the machine's cores), zstd-stream from the simulator and zstd to the hub.
 *
 * <ul>
 *   <li>throughput: GUILD_MEMBER_UPDATE dispatches injected into one shard as fast as the simulator
 *       sends them; events/s until the hub has applied the last one (its nickname answers on REST);</li>
 *   <li>startup: 16 shards of 1,000 guilds each, max_concurrency 1 and 16, identify window scaled
 *       down to {@value #WINDOW_MS} ms on the simulator and the hub; time until every shard is READY,
 *       and what Discord's real 5 s window adds.</li>
 * </ul>
 */
public final class SharderBenchmark {

    private static final long WINDOW_MS = 250;

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        if (which.equals("throughput") || which.equals("all")) {
            throughput(20_000, 8_000, 10_000); // warm-up
            throughput(100_000, 8_000, 10_000); // the defaults: paced below the hub's 10,000/s
            throughput(100_000, 200_000, 250_000); // both limits raised: what the pipeline itself carries
        }
        if (which.equals("startup") || which.equals("all")) {
            startup(1);
            startup(16);
        }
        System.exit(0);
    }

    private static void throughput(int events, int sharderRate, int hubRate) throws Exception {
        PopulationConfig population = new PopulationConfig(7, 4, 2_000, 200, 0, 1, 2, 1, 2, 1, 1, 30, "SimBot");
        try (DiscordSim sim = DiscordSim.start(SimConfig.defaults().withPopulation(population)
                .withGateway(GatewayConfig.builder().identifyWindowMs(50).replayBufferSize(200_000).build()));
                Hub hub = Hub.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", "50", "HUB_RATE_LIMIT", Integer.toString(hubRate)));
                Sharder sharder = Sharder.start(SharderConfig.resolve(Map.of(), Map.of(),
                        TestSharders.settings(sim, hub, Map.of("SHARDER_HUB_BUFFER", "1000000",
                                "SHARDER_HUB_RATE_LIMIT", Integer.toString(sharderRate)))))) {
            waitReady(sharder, 1, 30_000);
            SimGuild guild = sim.population().guilds().getFirst();
            List<SimMember> members = guild.members();
            List<ObjectNode> payloads = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                SimMember m = members.get(i % members.size());
                ObjectNode d = GuildPayloads.member(m.withNick("n" + i), sim.population());
                d.put("guild_id", Long.toString(guild.id()));
                payloads.add(d);
            }
            SimMember last = members.get((events - 1) % members.size());
            String path = "/v1/discord/guilds/" + guild.id() + "/members/" + last.userId();
            long before = sharder.metrics().dispatches();
            long start = System.nanoTime();
            for (ObjectNode d : payloads) {
                sim.control().dispatchToGuild(guild.id(), "GUILD_MEMBER_UPDATE", d);
            }
            long injected = System.nanoTime();
            while (!("n" + (events - 1)).equals(hub.get(path).body().path("nickname").asText())) {
                Thread.sleep(5);
            }
            long done = System.nanoTime();
            double seconds = (done - start) / 1e9;
            System.out.printf("throughput (sharder pacing %,d/s, hub limit %,d/s): %,d GUILD_MEMBER_UPDATE dispatches in %.2f s = %,.0f events/s end to end "
                    + "(sim injection alone took %.2f s); sharder counted %,d dispatches%n", sharderRate, hubRate, events, seconds,
                    events / seconds, (injected - start) / 1e9, sharder.metrics().dispatches() - before);
        }
    }

    private static void startup(int maxConcurrency) throws Exception {
        int shards = 16;
        PopulationConfig population = new PopulationConfig(11, shards * 1_000, 3_000, 10, 0, 1, 2, 1, 2, 1, 1, 30,
                "SimBot");
        long t0 = System.nanoTime();
        try (DiscordSim sim = DiscordSim.start(SimConfig.defaults().withPopulation(population)
                .withGateway(GatewayConfig.builder().recommendedShards(shards).maxConcurrency(maxConcurrency)
                        .identifyWindowMs(WINDOW_MS - 50).build()))) {
            long generated = System.nanoTime();
            int[] perShard = new int[shards];
            for (int s = 0; s < shards; s++) {
                perShard[s] = sim.population().guildsForShard(s, shards).size();
            }
            try (Hub hub = Hub.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", Long.toString(WINDOW_MS)))) {
                long start = System.nanoTime();
                try (Sharder sharder = Sharder.start(SharderConfig.resolve(Map.of(), Map.of(),
                        TestSharders.settings(sim, hub, Map.of("SHARDER_HUB_BUFFER", "1000000",
                                "SHARDER_READY_TIMEOUT_MS", "15000"))))) {
                    waitReady(sharder, shards, 600_000);
                    long ready = System.nanoTime();
                    while (sharder.hub().queued() > 0 || sharder.mirror().size() < sim.population().guilds().size()) {
                        Thread.sleep(10);
                    }
                    long flushed = System.nanoTime();
                    double measured = (ready - start) / 1e9;
                    int batches = (shards + maxConcurrency - 1) / maxConcurrency;
                    double real = measured + (batches - 1) * (5_000 - WINDOW_MS) / 1e3;
                    System.out.printf("startup max_concurrency=%d: %d shards, %,d guilds (%d..%d per shard), "
                                    + "READY after %.2f s with a %d ms window (every guild handed to the hub after %.2f s); "
                                    + "with Discord's 5 s window: %.1f s (population generated in %.1f s)%n",
                            maxConcurrency, shards, sim.population().guilds().size(),
                            java.util.Arrays.stream(perShard).min().orElse(0),
                            java.util.Arrays.stream(perShard).max().orElse(0), measured, WINDOW_MS,
                            (flushed - start) / 1e9, real, (generated - t0) / 1e9);
                }
            }
        }
    }

    private static void waitReady(Sharder sharder, int shards, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            List<Shard> running = sharder.shards().shards();
            if (running.size() == shards && running.stream().allMatch(s -> s.state() == ShardState.READY)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("shards not ready in " + timeoutMs + " ms");
    }
}
