package dev.hubcord.hub.shards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shard assignment over real connections: IDENTIFIED, SHARDS_ASSIGNED on join and leave. */
class ShardAssignmentTest {

    private static final String GATEWAY_9 =
            "\"gateway\":{\"shards\":9,\"maxConcurrency\":1,\"userID\":\"100\",\"applicationID\":\"100\"}";

    private static List<Integer> shards(JsonNode d) {
        List<Integer> out = new ArrayList<>();
        d.get("shards").forEach(n -> out.add(n.intValue()));
        return out;
    }

    private static JsonNode nextOf(RawClient c, String t) {
        JsonNode e;
        do {
            e = c.nextEvent();
        } while (!e.get("t").asText().equals(t));
        return e.get("d");
    }

    @Test
    void shardsSpreadOverTwoThenThreeSharderAndBackOnLeave() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "200"));
                RawClient a = RawClient.identified(hub, "sharder", null, GATEWAY_9)) {
            assertThat(shards(a.identifiedData())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(a.identifiedData().get("shardCount").intValue()).isEqualTo(9);
            assertThat(a.identifiedData().get("maxConcurrency").intValue()).isEqualTo(1);
            assertThat(a.identifiedData().at("/bot/userID").asText()).isEqualTo("100");

            RawClient b = RawClient.identified(hub, "sharder", null, GATEWAY_9);
            List<Integer> aAfterB = shards(nextOf(a, "SHARDS_ASSIGNED"));
            List<Integer> bShards = shards(b.identifiedData());
            assertThat(aAfterB).containsExactly(0, 1, 2, 3, 4);
            assertThat(bShards).containsExactly(5, 6, 7, 8);

            RawClient c = RawClient.identified(hub, "sharder", null, GATEWAY_9);
            List<Integer> aAfterC = shards(nextOf(a, "SHARDS_ASSIGNED"));
            List<Integer> bAfterC = shards(nextOf(b, "SHARDS_ASSIGNED"));
            List<Integer> cShards = shards(c.identifiedData());
            assertThat(aAfterC).hasSize(3);
            assertThat(bAfterC).hasSize(3);
            assertThat(cShards).hasSize(3);
            Set<Integer> all = new HashSet<>(aAfterC);
            all.addAll(bAfterC);
            all.addAll(cShards);
            assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
            // few moves: a and b keep shards they already ran
            assertThat(aAfterB).containsAll(aAfterC);
            assertThat(bShards).containsAll(bAfterC);

            // b dies; once its session ends its shards go to the others
            b.kill();
            List<Integer> aAfterLeave = shards(nextOf(a, "SHARDS_ASSIGNED"));
            List<Integer> cAfterLeave = shards(nextOf(c, "SHARDS_ASSIGNED"));
            Set<Integer> covered = new HashSet<>(aAfterLeave);
            covered.addAll(cAfterLeave);
            assertThat(covered).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(aAfterLeave.size() + cAfterLeave.size()).isEqualTo(9);
            assertThat(Math.abs(aAfterLeave.size() - cAfterLeave.size())).isLessThanOrEqualTo(1);
            c.close();
        }
    }

    @Test
    void configuredShardCountWinsAndNoShardsUntilACountIsKnown() {
        try (TestHub hub = TestHub.start();
                RawClient early = RawClient.identified(hub, "sharder")) {
            assertThat(shards(early.identifiedData())).isEmpty();
            assertThat(early.identifiedData().get("shardCount").intValue()).isZero();
            try (RawClient reporting = RawClient.identified(hub, "sharder", null,
                    "\"gateway\":{\"shards\":4,\"maxConcurrency\":1}")) {
                List<Integer> earlyNow = shards(nextOf(early, "SHARDS_ASSIGNED"));
                assertThat(earlyNow).containsExactly(0, 1);
                assertThat(shards(reporting.identifiedData())).containsExactly(2, 3);
            }
        }
        try (TestHub hub = TestHub.start(Map.of("HUB_SHARD_COUNT", "3"));
                RawClient s = RawClient.identified(hub, "sharder", null, GATEWAY_9)) {
            assertThat(shards(s.identifiedData())).containsExactly(0, 1, 2);
            assertThat(s.identifiedData().get("shardCount").intValue()).isEqualTo(3);
        }
    }

    @Test
    void botInfoReachesClientsThatIdentifiedEarlier() {
        try (TestHub hub = TestHub.start();
                RawClient worker = RawClient.identified(hub, "commands")) {
            assertThat(worker.identifiedData().has("bot")).isFalse();
            try (RawClient sharder = RawClient.identified(hub, "sharder", null, GATEWAY_9)) {
                JsonNode bot = nextOf(worker, "BOT_INFO");
                assertThat(bot.get("userID").asText()).isEqualTo("100");
                assertThat(bot.get("applicationID").asText()).isEqualTo("100");
            }
        }
    }

    @Test
    void botInfoReportedInShardStatusReachesEveryClient() {
        try (TestHub hub = TestHub.start();
                RawClient worker = RawClient.identified(hub, "commands");
                RawClient sharder = RawClient.identified(hub, "sharder", null, "\"gateway\":{\"shards\":1,\"maxConcurrency\":1}")) {
            sharder.event("SHARD_STATUS", "{\"shard\":0,\"status\":\"ready\",\"latency\":40,\"guilds\":3,"
                    + "\"userID\":\"777\",\"applicationID\":\"778\"}");
            JsonNode bot = nextOf(worker, "BOT_INFO");
            assertThat(bot.get("userID").asText()).isEqualTo("777");
            assertThat(nextOf(sharder, "BOT_INFO").get("applicationID").asText()).isEqualTo("778");
            try (RawClient late = RawClient.identified(hub, "audio")) {
                assertThat(late.identifiedData().at("/bot/userID").asText()).isEqualTo("777");
            }
        }
    }

    @Test
    void aFormerOwnersStatusDoesNotStandForTheNewOwner() throws Exception {
        String gateway = "\"gateway\":{\"shards\":2,\"maxConcurrency\":1}";
        try (TestHub hub = TestHub.start();
                RawClient a = RawClient.identified(hub, "sharder", null, "\"name\":\"a\"," + gateway)) {
            a.event("SHARD_STATUS", "{\"shard\":1,\"status\":\"ready\",\"latency\":10,\"guilds\":5}");
            try (RawClient b = RawClient.identified(hub, "sharder", null, "\"name\":\"b\"," + gateway)) {
                assertThat(shards(b.identifiedData())).containsExactly(1);
                a.event("SHARD_STATUS", "{\"shard\":1,\"status\":\"stopped\",\"latency\":10,\"guilds\":0}");
                a.heartbeat();
                a.next();
                java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(hub.httpUri("/v1/shards")).header("Authorization", TestHub.SECRET).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                JsonNode shard1 = dev.hubcord.protocol.codec.Json.mapper().readTree(r.body()).get(1);
                assertThat(shard1.get("sharder").asText()).isEqualTo("b");
                assertThat(shard1.get("status").asText()).isEqualTo("assigned");
                b.event("SHARD_STATUS", "{\"shard\":1,\"status\":\"ready\",\"latency\":12,\"guilds\":5}");
                org.awaitility.Awaitility.await().untilAsserted(() -> {
                    java.net.http.HttpResponse<String> again = java.net.http.HttpClient.newHttpClient().send(
                            java.net.http.HttpRequest.newBuilder(hub.httpUri("/v1/shards")).header("Authorization", TestHub.SECRET).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(dev.hubcord.protocol.codec.Json.mapper().readTree(again.body()).get(1).get("status").asText())
                            .isEqualTo("ready");
                });
            }
        }
    }
}
