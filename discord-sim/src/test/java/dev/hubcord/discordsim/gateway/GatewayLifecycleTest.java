package dev.hubcord.discordsim.gateway;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.Snowflakes;
import dev.hubcord.discordsim.support.Payloads;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayLifecycleTest {

    private DiscordSim sim;

    @BeforeEach
    void start() {
        sim = Sims.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private TestGatewayClient connect() {
        return TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
    }

    @Test
    void helloThenIdentifyGivesReadyThenOneGuildCreatePerShardGuild() {
        try (TestGatewayClient c = connect()) {
            JsonNode hello = c.next();
            assertEquals(10, hello.path("op").asInt());
            assertTrue(hello.get("t").isNull() && hello.get("s").isNull(), "HELLO carries explicit nulls");
            assertEquals(41_250, hello.path("d").path("heartbeat_interval").asInt());
            assertTrue(hello.path("d").has("_trace"));

            c.send(identify(sim.token(), INTENTS, 1, 2));
            JsonNode ready = c.next();
            assertEquals("READY", ready.path("t").asText());
            assertEquals(1, ready.path("s").asInt());
            JsonNode d = ready.path("d");
            assertEquals(10, d.path("v").asInt());
            assertTrue(d.path("session_id").asText().matches("[0-9a-f]{32}"));
            assertEquals(sim.resumeGatewayUrl(), d.path("resume_gateway_url").asText());
            assertEquals(List.of(1, 2), List.of(d.path("shard").get(0).asInt(), d.path("shard").get(1).asInt()));
            assertTrue(d.path("user").path("bot").asBoolean());
            assertTrue(d.has("geo_ordered_rtc_regions") && d.has("user_settings"), "undocumented keys like real");

            List<SimGuild> expected = sim.population().guildsForShard(1, 2);
            assertFalse(expected.isEmpty());
            Set<String> readyIds = new HashSet<>();
            d.path("guilds").forEach(g -> {
                assertTrue(g.path("unavailable").asBoolean());
                readyIds.add(g.path("id").asText());
            });
            Set<String> want = new HashSet<>();
            expected.forEach(g -> want.add(Long.toUnsignedString(g.id())));
            assertEquals(want, readyIds, "READY lists exactly the guilds (id >> 22) % 2 == 1");

            Set<String> created = new HashSet<>();
            for (int i = 0; i < expected.size(); i++) {
                JsonNode gc = c.next();
                assertEquals("GUILD_CREATE", gc.path("t").asText());
                assertEquals(2 + i, gc.path("s").asInt(), "s increases by one per dispatch");
                JsonNode g = gc.path("d");
                created.add(g.path("id").asText());
                assertEquals(1, Snowflakes.shardFor(Long.parseUnsignedLong(g.path("id").asText()), 2));
                assertEquals(g.path("id").asText(), g.path("roles").get(0).path("id").asText(), "@everyone id");
                g.path("channels").forEach(ch -> assertFalse(ch.has("guild_id"), "channels lack guild_id"));
                assertTrue(g.path("member_count").asInt() >= g.path("members").size());
                assertEquals("deprecated", g.path("region").asText());
            }
            assertEquals(want, created);
        }
    }

    @Test
    void heartbeatsAreAckedBeforeIdentifyAndTheServerCanRequestOne() {
        try (TestGatewayClient c = connect()) {
            c.nextOp(10);
            c.send(Payloads.heartbeat(null));
            JsonNode ack = c.next();
            assertEquals(11, ack.path("op").asInt());
            assertTrue(ack.get("d").isNull() && ack.get("s").isNull());

            c.send(identify(sim.token(), INTENTS, 0, 1));
            c.nextDispatch("READY");
            assertEquals(1, sim.control().gateway().requestHeartbeatShard(0));
            JsonNode request = c.nextOp(1);
            assertTrue(request.get("d").isNull());
            List<GatewayRecords.Received> sent = sim.control().gateway().receivedByShard(0);
            assertEquals(List.of(1, 2), sent.stream().map(GatewayRecords.Received::op).toList());
        }
    }

    private int identifyAndAwaitClose(JsonNode identify) {
        try (TestGatewayClient c = connect()) {
            c.nextOp(10);
            c.send(identify);
            return c.awaitClose();
        }
    }

    @Test
    void identifyValidationUsesDiscordsCloseCodes() {
        assertEquals(4004, identifyAndAwaitClose(identify("wrong-token", INTENTS, 0, 1)));
        assertEquals(4013, identifyAndAwaitClose(identify(sim.token(), 1L << 30, 0, 1)), "undefined intent bit");
        assertEquals(4010, identifyAndAwaitClose(identify(sim.token(), INTENTS, 2, 2)), "shard_id >= num_shards");
        assertEquals(4010, identifyAndAwaitClose(identify(sim.token(), INTENTS, -1, 2)));
        var noIntents = identify(sim.token(), INTENTS, 0, 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) noIntents.path("d")).remove("intents");
        assertEquals(4013, identifyAndAwaitClose(noIntents), "intents are mandatory");
        var noProperties = identify(sim.token(), INTENTS, 0, 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) noProperties.path("d")).remove("properties");
        assertEquals(4001, identifyAndAwaitClose(noProperties));
        assertEquals(0, sim.control().gateway().acceptedIdentifies(0), "rejections start no session");
    }

    @Test
    void privilegedIntentsNeedApplicationFlags() {
        try (DiscordSim noFlags = DiscordSim.start(sim.config().withApplicationFlags(0).withPort(0));
                TestGatewayClient c = TestGatewayClient.connect(noFlags.gatewayUrl(),
                        TestGatewayClient.Compression.NONE)) {
            c.nextOp(10);
            c.send(identify(noFlags.token(), INTENTS, 0, 1));
            assertEquals(4014, c.awaitClose());
        }
    }

    @Test
    void protocolViolationsClose() {
        try (TestGatewayClient c = connect()) {
            c.nextOp(10);
            c.send("{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"limit\":0}}");
            assertEquals(4003, c.awaitClose(), "op 8 before IDENTIFY");
        }
        try (TestGatewayClient c = connect()) {
            c.nextOp(10);
            c.send("{\"op\":5,\"d\":null}");
            assertEquals(4001, c.awaitClose(), "unknown opcode");
        }
        try (TestGatewayClient c = connect()) {
            c.nextOp(10);
            c.send(identify(sim.token(), INTENTS, 0, 1));
            c.nextDispatch("READY");
            c.send(identify(sim.token(), INTENTS, 0, 1));
            assertEquals(4005, c.awaitClose(), "second IDENTIFY");
        }
        try (TestGatewayClient c = TestGatewayClient.connectRaw(sim.gatewayUrl() + "?v=6&encoding=json",
                TestGatewayClient.Compression.NONE)) {
            assertEquals(4012, c.awaitClose());
        }
    }

    @Test
    void tooManyGuildsForOneSessionNeedsSharding() {
        try (DiscordSim small = Sims.start(b -> b.maxGuildsPerSession(2));
                TestGatewayClient c = TestGatewayClient.connect(small.gatewayUrl(),
                        TestGatewayClient.Compression.NONE)) {
            c.nextOp(10);
            c.send(identify(small.token(), INTENTS, 0, 1));
            assertEquals(4011, c.awaitClose());
        }
    }

    @Test
    void silentClientIsTimedOutWith4009() {
        try (DiscordSim quick = Sims.start(b -> b.heartbeatIntervalMs(200).heartbeatTimeoutFactor(1.5))) {
            // measured from before the connection opens: a lower bound of the server's own timer,
            // however late this thread sees HELLO on a loaded machine
            long start = System.nanoTime();
            try (TestGatewayClient c = TestGatewayClient.connect(quick.gatewayUrl(), TestGatewayClient.Compression.NONE)) {
                assertEquals(200, c.nextOp(10).path("d").path("heartbeat_interval").asInt());
                assertEquals(4009, c.awaitClose());
                assertTrue(System.nanoTime() - start >= 300_000_000L, "not before interval × factor");
            }
        }
    }
}
