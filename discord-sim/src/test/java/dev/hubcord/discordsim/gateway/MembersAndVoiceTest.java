package dev.hubcord.discordsim.gateway;

import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.Payloads;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Large guilds, op 8 → GUILD_MEMBERS_CHUNK / RATE_LIMITED, and op 4 → the two voice events. */
class MembersAndVoiceTest {

    private static final long ALL_GUILD_INTENTS = 1 | 2 | 128 | 256 | 512;

    private DiscordSim sim;
    private SimGuild large;

    @BeforeEach
    void start() {
        // Two guilds of 300 members each: "large" for any large_threshold <= 250.
        PopulationConfig pop = new PopulationConfig(11, 2, 400, 20, 1, 300, 2, 1, 2, 2, 2, 20, "TestBot");
        sim = DiscordSim.start(SimConfig.defaults().withPopulation(pop).withGateway(
                GatewayConfig.builder().memberChunkSize(128).fullMemberRequestWindowMs(30_000)
                        .voiceReplyOrder(GatewayConfig.VoiceReplyOrder.SERVER_FIRST).build()));
        large = sim.population().guilds().getFirst();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private TestGatewayClient ready(long intents) {
        TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        c.nextOp(10);
        c.send(identify(sim.token(), intents, 0, 1));
        c.nextDispatch("READY");
        return c;
    }

    private static ObjectNode requestMembers(long guildId, String nonce) {
        ObjectNode p = TestGatewayClient.JSON.createObjectNode();
        p.put("op", 8);
        ObjectNode d = p.putObject("d");
        d.put("guild_id", Long.toUnsignedString(guildId));
        d.put("query", "");
        d.put("limit", 0);
        d.put("nonce", nonce);
        return p;
    }

    @Test
    void largeGuildSendsSomeMembersAndTheRestComesInChunks() {
        try (TestGatewayClient c = ready(ALL_GUILD_INTENTS)) {
            JsonNode gc = c.nextDispatch("GUILD_CREATE").path("d");
            assertTrue(gc.path("large").asBoolean());
            assertEquals(300, gc.path("member_count").asInt());
            int inCreate = gc.path("members").size();
            assertTrue(inCreate > 0 && inCreate < 300, "only some members in GUILD_CREATE: " + inCreate);

            c.send(requestMembers(large.id(), "n1"));
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 3; i++) { // 300 members / 128 per chunk
                JsonNode chunk = c.nextDispatch("GUILD_MEMBERS_CHUNK").path("d");
                assertEquals(i, chunk.path("chunk_index").asInt());
                assertEquals(3, chunk.path("chunk_count").asInt());
                assertEquals("n1", chunk.path("nonce").asText());
                chunk.path("members").forEach(m -> ids.add(m.path("user").path("id").asText()));
            }
            assertEquals(300, ids.size());

            c.send(requestMembers(large.id(), "n2"));
            JsonNode limited = c.nextDispatch("RATE_LIMITED").path("d");
            assertEquals(8, limited.path("opcode").asInt());
            assertTrue(limited.path("retry_after").asDouble() > 0);
            assertEquals("n2", limited.path("meta").path("nonce").asText());
        }
    }

    @Test
    void withoutGuildMembersIntentAFullListGetsNoAnswer() {
        try (TestGatewayClient c = ready(1 | 128)) {
            c.send(requestMembers(large.id(), "x"));
            c.send(Payloads.heartbeat(null));
            JsonNode next = c.nextOp(11);
            assertEquals(11, next.path("op").asInt());
            assertTrue(c.drain().stream().noneMatch(n -> "GUILD_MEMBERS_CHUNK".equals(n.path("t").asText())));
        }
    }

    @Test
    void userIdRequestReportsNotFoundWithTheSmallIdQuirk() {
        try (TestGatewayClient c = ready(1)) {
            long member = large.members().get(3).userId();
            ObjectNode p = TestGatewayClient.JSON.createObjectNode();
            p.put("op", 8);
            ObjectNode d = p.putObject("d");
            d.put("guild_id", Long.toUnsignedString(large.id()));
            d.putArray("user_ids").add(Long.toUnsignedString(member)).add("123123");
            c.send(p);
            JsonNode chunk = c.nextDispatch("GUILD_MEMBERS_CHUNK").path("d");
            assertEquals(1, chunk.path("members").size());
            assertEquals(1, chunk.path("chunk_count").asInt());
            assertTrue(chunk.path("not_found").get(0).isNumber(), "non-snowflake ids come back as numbers");
            assertFalse(chunk.has("nonce"));
        }
    }

    @Test
    void voiceJoinGivesBothEventsAndLeaveOnlyTheState() {
        try (TestGatewayClient c = ready(ALL_GUILD_INTENTS)) {
            SimChannel voice = large.snapshot().channels().stream().filter(SimChannel::isVoice).findFirst()
                    .orElseThrow();
            String session = sim.control().gateway().sessionIds().getFirst();
            c.send("{\"op\":4,\"d\":{\"guild_id\":\"" + Long.toUnsignedString(large.id()) + "\",\"channel_id\":\""
                    + Long.toUnsignedString(voice.id()) + "\",\"self_mute\":false,\"self_deaf\":true}}");
            JsonNode first = c.nextOp(0);
            while (first.path("t").asText().equals("GUILD_CREATE")) {
                first = c.nextOp(0);
            }
            JsonNode second = c.nextOp(0);
            assertEquals("VOICE_SERVER_UPDATE", first.path("t").asText(), "configured order: server first");
            assertTrue(first.path("d").path("token").asText().matches("[0-9a-f]{16}"));
            assertFalse(first.path("d").path("endpoint").asText().startsWith("wss://"), "endpoint has no scheme");
            assertEquals("VOICE_STATE_UPDATE", second.path("t").asText());
            assertEquals(session, second.path("d").path("session_id").asText());
            assertTrue(second.path("d").path("self_deaf").asBoolean());

            c.send("{\"op\":4,\"d\":{\"guild_id\":\"" + Long.toUnsignedString(large.id())
                    + "\",\"channel_id\":null,\"self_mute\":false,\"self_deaf\":false}}");
            JsonNode left = c.nextDispatch("VOICE_STATE_UPDATE");
            assertTrue(left.path("d").get("channel_id").isNull());
            c.send(Payloads.heartbeat(null));
            c.nextOp(11);
            assertTrue(c.drain().isEmpty(), "leaving yields no VOICE_SERVER_UPDATE");
        }
    }
}
