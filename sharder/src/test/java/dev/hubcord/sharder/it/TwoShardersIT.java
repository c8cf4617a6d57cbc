package dev.hubcord.sharder.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.gateway.GatewayRecords;
import dev.hubcord.sharder.support.Hub;
import dev.hubcord.sharder.support.SharderProcess;
import dev.hubcord.sharder.support.Sims;
import dev.hubcord.sharder.support.TestSharders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two sharder processes share 8 shards through one hub. Whatever order they join in (the hub moves
 * shards from the first to the second, so some shards identify twice), Discord must never see two
 * IDENTIFYs of one concurrency bucket within the identify window: checked on the simulator's record.
 */
class TwoShardersIT {

    /**
     * The simulator's window (Discord's 5 s, scaled down) and the hub's grant spacing, twice as wide: the
     * time from a grant to the IDENTIFY reaching the simulator varies by tens of milliseconds between two
     * processes on a busy machine, and that jitter must not bring two IDENTIFYs of a bucket inside the window.
     */
    private static final long SIM_WINDOW_MS = 250;
    private static final long HUB_INTERVAL_MS = 500;

    @ParameterizedTest(name = "max_concurrency {0}")
    @ValueSource(ints = {1, 4})
    void identifiesRespectMaxConcurrencyAcrossProcesses(int maxConcurrency) throws Exception {
        try (DiscordSim sim = Sims.start(8, maxConcurrency, SIM_WINDOW_MS, 16, b -> b);
                Hub hub = Hub.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", Long.toString(HUB_INTERVAL_MS)))) {
            Map<String, String> env = TestSharders.settings(sim, hub, Map.of());
            try (SharderProcess a = SharderProcess.start("sharder-a", env);
                    SharderProcess b = SharderProcess.start("sharder-b", env)) {
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                        .until(() -> allReady(hub), ready -> ready);

                JsonNode shards = hub.get("/v1/shards").body();
                Map<String, Long> perSharder = new HashMap<>();
                shards.forEach(s -> perSharder.merge(s.path("sharder").asText(), 1L, Long::sum));
                assertThat(perSharder).containsOnly(Map.entry("sharder-a", 4L), Map.entry("sharder-b", 4L));

                List<GatewayRecords.Identify> identifies = sim.control().gateway().identifies();
                assertThat(identifies).allSatisfy(i -> assertThat(i.outcome()).isEqualTo("ACCEPTED"));
                assertThat(identifies.stream().map(GatewayRecords.Identify::shardId).collect(Collectors.toSet()))
                        .hasSize(8);
                Map<Integer, List<Long>> byBucket = identifies.stream().collect(Collectors.groupingBy(
                        i -> i.shardId() % maxConcurrency, Collectors.mapping(GatewayRecords.Identify::atMillis,
                                Collectors.toList())));
                for (List<Long> times : byBucket.values()) {
                    List<Long> sorted = new ArrayList<>(new TreeSet<>(times));
                    assertThat(sorted).hasSameSizeAs(times);
                    for (int i = 1; i < sorted.size(); i++) {
                        assertThat(sorted.get(i) - sorted.get(i - 1)).as("gap in one bucket")
                                .isGreaterThanOrEqualTo(SIM_WINDOW_MS);
                    }
                }
                if (maxConcurrency > 1) {
                    long first = identifies.getFirst().atMillis();
                    Set<Integer> bucketsInFirstWindow = identifies.stream()
                            .filter(i -> i.atMillis() - first < SIM_WINDOW_MS)
                            .map(i -> i.shardId() % maxConcurrency).collect(Collectors.toSet());
                    assertThat(bucketsInFirstWindow).as("buckets identify side by side").hasSizeGreaterThan(1);
                }
                // Exactly one live session per shard on Discord's side.
                assertThat(sim.control().gateway().connections().stream().filter(GatewayRecords.ConnectionInfo::open)
                        .map(GatewayRecords.ConnectionInfo::shardId).toList())
                        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
                assertThat(a.output()).contains("event=ready").doesNotContain("fatal_close");
                assertThat(b.output()).contains("event=ready");
            }
        }
    }

    private static boolean allReady(Hub hub) {
        JsonNode shards = hub.get("/v1/shards").body();
        if (shards == null || shards.size() != 8) {
            return false;
        }
        Set<String> sharders = new TreeSet<>();
        for (JsonNode s : shards) {
            if (!"ready".equals(s.path("status").asText())) {
                return false;
            }
            sharders.add(s.path("sharder").asText());
        }
        return sharders.size() == 2;
    }
}
