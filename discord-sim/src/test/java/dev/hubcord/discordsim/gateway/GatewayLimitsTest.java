package dev.hubcord.discordsim.gateway;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.support.Payloads;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayLimitsTest {

    private static TestGatewayClient hello(DiscordSim sim) {
        TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        c.nextOp(10);
        return c;
    }

    @Test
    void identifyConcurrencyIsOnePerBucketPerWindow() {
        try (DiscordSim sim = Sims.start(b -> b.maxConcurrency(2).identifyWindowMs(400));
                TestGatewayClient s0 = hello(sim);
                TestGatewayClient s1 = hello(sim);
                TestGatewayClient s2 = hello(sim)) {
            s0.send(identify(sim.token(), INTENTS, 0, 4));
            s1.send(identify(sim.token(), INTENTS, 1, 4));
            assertEquals("READY", s0.next().path("t").asText(), "bucket 0");
            assertEquals("READY", s1.next().path("t").asText(), "bucket 1 is independent");

            s2.send(identify(sim.token(), INTENTS, 2, 4)); // 2 % 2 == bucket 0, used just now
            JsonNode invalid = s2.nextOp(9);
            assertFalse(invalid.path("d").asBoolean(true));
            assertTrue(invalid.get("s").isNull() && invalid.get("t").isNull());

            // The socket stays open: after the window, IDENTIFY again on it succeeds.
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                s2.send(identify(sim.token(), INTENTS, 2, 4));
                return s2.next().path("t").asText().equals("READY");
            });
            List<GatewayRecords.Identify> bucket0 = sim.control().gateway().identifies().stream()
                    .filter(i -> i.shardId() % 2 == 0 && i.outcome().equals("ACCEPTED")).toList();
            assertEquals(2, bucket0.size());
            assertTrue(bucket0.get(1).atMillis() - bucket0.get(0).atMillis() >= 400, "accepted ones ≥ window apart");
            assertTrue(sim.control().gateway().identifies(2).stream()
                    .anyMatch(i -> i.outcome().equals("CONCURRENCY_LIMITED")));
        }
    }

    @Test
    void sessionStartsAreCountedPerIdentifyAndExhaustionCloses4004() {
        try (DiscordSim sim = Sims.start(b -> b.sessionStartTotal(2).identifyWindowMs(1))) {
            try (TestGatewayClient c = hello(sim)) {
                c.send(identify(sim.token(), INTENTS, 0, 1));
                c.nextDispatch("READY");
            }
            assertEquals(1, sim.control().gateway().sessionStartsRemaining());
            sim.control().gateway().setSessionStartsRemaining(0);
            try (TestGatewayClient c = hello(sim)) {
                c.send(identify(sim.token(), INTENTS, 0, 1));
                assertEquals(4004, c.awaitClose());
            }
        }
    }

    @Test
    void moreThan120PayloadsPerMinuteCloses4008() {
        try (DiscordSim sim = Sims.start(); TestGatewayClient c = hello(sim)) {
            for (int i = 0; i < 120; i++) {
                c.send(Payloads.heartbeat(null));
            }
            for (int i = 0; i < 120; i++) {
                assertEquals(11, c.next().path("op").asInt(), "the first 120 are fine");
            }
            c.send(Payloads.heartbeat(null));
            assertEquals(4008, c.awaitClose());
        }
    }

    @Test
    void payloadOver4096BytesOrInvalidJsonCloses4002() {
        try (DiscordSim sim = Sims.start()) {
            try (TestGatewayClient c = hello(sim)) {
                String big = "{\"op\":3,\"d\":{\"status\":\"online\",\"pad\":\"" + "x".repeat(4096) + "\"}}";
                c.send(big);
                assertEquals(4002, c.awaitClose());
            }
            try (TestGatewayClient c = hello(sim)) {
                c.send("{\"op\":1,");
                assertEquals(4002, c.awaitClose());
            }
            try (TestGatewayClient c = hello(sim)) {
                String fits = "{\"op\":1,\"d\":null,\"pad\":\"" + "x".repeat(4000) + "\"}";
                c.send(fits);
                assertEquals(11, c.next().path("op").asInt(), "4096 bytes and below are accepted");
            }
        }
    }

    @Test
    void gatewayBotReportsSessionStartLimit() throws Exception {
        try (DiscordSim sim = Sims.start(b -> b.maxConcurrency(16).recommendedShards(4))) {
            var http = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.apiBaseUrl() + "/gateway/bot"))
                    .header("Authorization", "Bot " + sim.token()).build();
            JsonNode body = TestGatewayClient.JSON.readTree(
                    http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(sim.gatewayUrl(), body.path("url").asText());
            assertEquals(4, body.path("shards").asInt());
            assertEquals(16, body.path("session_start_limit").path("max_concurrency").asInt());
            assertEquals(1000, body.path("session_start_limit").path("remaining").asInt());
            assertTrue(body.path("session_start_limit").path("reset_after").asLong() > 0);
        }
    }
}
