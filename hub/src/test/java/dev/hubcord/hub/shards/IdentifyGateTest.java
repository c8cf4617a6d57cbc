package dev.hubcord.hub.shards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IDENTIFY grants across sharders: at most one per 5 s per bucket {@code shard % maxConcurrency}. */
class IdentifyGateTest {

    private record Grant(int shard, long atMillis) {}

    private static List<Grant> collect(List<RawClient> sharders, int count, long start) {
        List<Grant> grants = new ArrayList<>();
        while (grants.size() < count) {
            for (RawClient s : sharders) {
                JsonNode e = s.poll(java.time.Duration.ofMillis(50));
                if (e != null && e.path("t").asText().equals("IDENTIFY_GRANTED")) {
                    grants.add(new Grant(e.at("/d/shard").intValue(), (System.nanoTime() - start) / 1_000_000));
                }
            }
        }
        return grants;
    }

    @Test
    void grantsAreSpacedFiveSecondsPerBucketAcrossSharders() {
        String gateway = "\"gateway\":{\"shards\":4,\"maxConcurrency\":2}";
        try (TestHub hub = TestHub.start();
                RawClient a = RawClient.identified(hub, "sharder", null, gateway);
                RawClient b = RawClient.identified(hub, "sharder", null, gateway)) {
            long start = System.nanoTime();
            // a runs shards 0,1 and b runs 2,3; buckets: 0 → {0, 2}, 1 → {1, 3}
            for (int shard = 0; shard < 2; shard++) {
                a.event("IDENTIFY_REQUEST", "{\"shard\":" + shard + "}");
                b.event("IDENTIFY_REQUEST", "{\"shard\":" + (shard + 2) + "}");
            }
            List<Grant> grants = collect(List.of(a, b), 4, start);
            Map<Integer, List<Long>> byBucket = new HashMap<>();
            for (Grant g : grants) {
                byBucket.computeIfAbsent(g.shard() % 2, k -> new ArrayList<>()).add(g.atMillis());
            }
            assertThat(byBucket).hasSize(2);
            for (List<Long> times : byBucket.values()) {
                assertThat(times).hasSize(2);
                assertThat(times.get(0)).isLessThan(1000);
                assertThat(times.get(1) - times.get(0)).isBetween(4900L, 6500L);
            }
        }
    }

    @Test
    void maxConcurrencyOneSerialisesEveryShard() {
        String gateway = "\"gateway\":{\"shards\":3,\"maxConcurrency\":1}";
        try (TestHub hub = TestHub.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", "400"));
                RawClient s = RawClient.identified(hub, "sharder", null, gateway)) {
            long start = System.nanoTime();
            for (int shard = 0; shard < 3; shard++) {
                s.event("IDENTIFY_REQUEST", "{\"shard\":" + shard + "}");
            }
            s.event("IDENTIFY_REQUEST", "{\"shard\":2}");
            List<Grant> grants = collect(List.of(s), 3, start);
            assertThat(grants).extracting(Grant::shard).containsExactly(0, 1, 2);
            for (int i = 1; i < grants.size(); i++) {
                // measured where the grants arrive, after a thread hop and the socket on a possibly busy machine
                assertThat(grants.get(i).atMillis() - grants.get(i - 1).atMillis()).isGreaterThanOrEqualTo(340);
            }
            // the repeated request for shard 2 was folded into the waiting one
            assertThat(s.poll(java.time.Duration.ofMillis(700))).isNull();
        }
    }
}
