package dev.hubcord.discordsim.gateway;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static dev.hubcord.discordsim.support.Payloads.resume;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResumeAndReconnectTest {

    private DiscordSim sim;

    @BeforeEach
    void start() {
        sim = Sims.start(b -> b.reconnectCloseDelayMs(100));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** An identified client that consumed READY and every GUILD_CREATE; returns {session_id, last s}. */
    private record Identified(TestGatewayClient client, String sessionId, int seq) {}

    private Identified identified() {
        TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        c.nextOp(10);
        c.send(identify(sim.token(), INTENTS, 0, 1));
        JsonNode ready = c.nextDispatch("READY");
        int seq = 1;
        for (int i = 0; i < sim.population().guilds().size(); i++) {
            seq = c.nextDispatch("GUILD_CREATE").path("s").asInt();
        }
        return new Identified(c, ready.path("d").path("session_id").asText(), seq);
    }

    private SimGuild firstGuild() {
        return sim.population().guilds().getFirst();
    }

    @Test
    void resumeReplaysMissedDispatchesWithOriginalSeqThenResumed() {
        Identified id = identified();
        id.client().abort(); // TCP drop: the session stays resumable
        await().until(() -> sim.control().gateway().connections().stream().noneMatch(c -> c.open()));
        long guild = firstGuild().id();
        // Missed while disconnected: buffered by the session, replayed on RESUME.
        assertEquals(1, sim.control().dispatchToGuild(guild, "CHANNEL_PINS_UPDATE",
                Json.obj().put("guild_id", Json.id(guild)).put("channel_id", "1")));
        assertEquals(1, sim.control().dispatchToGuild(guild, "GUILD_UPDATE", Json.obj().put("id", Json.id(guild))));

        try (TestGatewayClient c = TestGatewayClient.connect(sim.resumeGatewayUrl(),
                TestGatewayClient.Compression.NONE)) {
            c.nextOp(10);
            c.send(resume(sim.token(), id.sessionId(), id.seq()));
            JsonNode first = c.next();
            JsonNode second = c.next();
            JsonNode resumed = c.next();
            assertEquals("CHANNEL_PINS_UPDATE", first.path("t").asText());
            assertEquals(id.seq() + 1, first.path("s").asInt());
            assertEquals("GUILD_UPDATE", second.path("t").asText());
            assertEquals(id.seq() + 2, second.path("s").asInt());
            assertEquals("RESUMED", resumed.path("t").asText());
            assertEquals(id.seq() + 3, resumed.path("s").asInt());
            assertTrue(sim.control().gateway().connections().getLast().viaResumeUrl());
            assertEquals(1, sim.control().gateway().acceptedIdentifies(0), "RESUME is not an IDENTIFY");
        }
        id.client().close();
    }

    @Test
    void clientClose1000KillsTheSession() {
        Identified id = identified();
        id.client().close(1000);
        try (TestGatewayClient c = TestGatewayClient.connect(sim.resumeGatewayUrl(),
                TestGatewayClient.Compression.NONE)) {
            c.nextOp(10);
            c.send(resume(sim.token(), id.sessionId(), id.seq()));
            JsonNode invalid = c.nextOp(9);
            assertFalse(invalid.path("d").asBoolean(true));
        }
    }

    @Test
    void resumeWithImpossibleSeqCloses4007() {
        Identified id = identified();
        id.client().close(4000);
        try (TestGatewayClient c = TestGatewayClient.connect(sim.resumeGatewayUrl(),
                TestGatewayClient.Compression.NONE)) {
            c.nextOp(10);
            c.send(resume(sim.token(), id.sessionId(), id.seq() + 50));
            assertEquals(4007, c.awaitClose());
        }
    }

    @Test
    void reconnectOpcodeIsFollowedByClose() {
        Identified id = identified();
        assertEquals(1, sim.control().gateway().reconnectShard(0));
        assertTrue(id.client().nextOp(7).get("d").isNull());
        assertEquals(4000, id.client().awaitClose());
        id.client().close();
    }

    @Test
    void reconnectMayComeBeforeHello() {
        sim.control().gateway().reconnectBeforeHello(1);
        try (TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE)) {
            assertEquals(7, c.next().path("op").asInt(), "op 7 instead of HELLO");
            assertEquals(4000, c.awaitClose());
        }
        try (TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE)) {
            assertEquals(10, c.next().path("op").asInt(), "only the next connection was affected");
        }
    }

    @Test
    void invalidSessionResumableLetsTheClientResumeOnTheSameSocket() {
        Identified id = identified();
        assertEquals(1, sim.control().gateway().invalidateShard(0, true));
        assertTrue(id.client().nextOp(9).path("d").asBoolean());
        id.client().send(resume(sim.token(), id.sessionId(), id.seq()));
        assertEquals(id.seq() + 1, id.client().nextDispatch("RESUMED").path("s").asInt());
        id.client().close();
    }

    @Test
    void invalidSessionNotResumableRequiresAFreshIdentify() {
        Identified id = identified();
        assertEquals(1, sim.control().gateway().invalidateShard(0, false));
        assertFalse(id.client().nextOp(9).path("d").asBoolean(true));
        id.client().send(resume(sim.token(), id.sessionId(), id.seq()));
        assertFalse(id.client().nextOp(9).path("d").asBoolean(true), "the old session is gone");
        await().pollDelay(Duration.ofMillis(60)).until(() -> true); // identify window of the test sim is 50 ms
        id.client().send(identify(sim.token(), INTENTS, 0, 1));
        JsonNode ready = id.client().nextDispatch("READY");
        assertEquals(1, ready.path("s").asInt(), "a new session starts at s = 1");
        assertFalse(id.sessionId().equals(ready.path("d").path("session_id").asText()));
        id.client().close();
    }

    @Test
    void resumedWithoutSeqIsConfigurable() {
        try (DiscordSim noSeq = Sims.start(b -> b.resumedHasSeq(false));
                TestGatewayClient c = TestGatewayClient.connect(noSeq.gatewayUrl(),
                        TestGatewayClient.Compression.NONE)) {
            c.nextOp(10);
            c.send(identify(noSeq.token(), INTENTS, 0, 1));
            String session = c.nextDispatch("READY").path("d").path("session_id").asText();
            noSeq.control().gateway().invalidateShard(0, true);
            c.nextOp(9);
            c.send(resume(noSeq.token(), session, 1));
            JsonNode resumed = c.nextDispatch("RESUMED");
            assertTrue(resumed.get("s").isNull());
        }
    }
}
