package dev.hubcord.discordsim.control;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimRole;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API, in Java and over HTTP, and the population events it triggers. */
class ControlApiTest {

    private DiscordSim sim;
    private TestGatewayClient client;
    private SimGuild guild;

    @BeforeEach
    void start() {
        sim = Sims.start();
        guild = sim.population().guilds().getFirst();
        client = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        client.nextOp(10);
        client.send(identify(sim.token(), INTENTS, 0, 1));
        for (int i = 0; i <= sim.population().guilds().size(); i++) {
            client.nextOp(0);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private HttpResponse<String> http(String method, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.controlUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpDispatchReachesTheGuildsShardAndRecordsAreReadable() throws Exception {
        String gid = Long.toUnsignedString(guild.id());
        HttpResponse<String> r = http("POST", "/dispatch",
                "{\"guild_id\":\"" + gid + "\",\"t\":\"GUILD_UPDATE\",\"d\":{\"id\":\"" + gid + "\",\"x\":1}}");
        assertEquals(200, r.statusCode());
        assertEquals(1, TestGatewayClient.JSON.readTree(r.body()).path("delivered").asInt());
        JsonNode update = client.nextDispatch("GUILD_UPDATE");
        assertEquals(1, update.path("d").path("x").asInt());

        JsonNode identifies = TestGatewayClient.JSON.readTree(http("GET", "/identifies?shard=0", null).body());
        assertEquals("ACCEPTED", identifies.get(0).path("outcome").asText());
        JsonNode received = TestGatewayClient.JSON.readTree(http("GET", "/received?shard=0", null).body());
        assertEquals(2, received.get(0).path("op").asInt());
        assertEquals(200, http("GET", "/health", null).statusCode());
        assertEquals(404, http("GET", "/nothing", null).statusCode());
        assertEquals(400, http("POST", "/dispatch", "not json").statusCode());

        assertEquals(200, http("POST", "/shards/0/close?code=4000", null).statusCode());
        assertEquals(4000, client.awaitClose());
    }

    @Test
    void httpJoinsAMemberAndShortensTheInteractionWindows() throws Exception {
        String gid = Long.toUnsignedString(guild.id());
        HttpResponse<String> joined = http("POST", "/guilds/" + gid + "/members", "{\"username\":\"newbie\"}");
        assertEquals(200, joined.statusCode(), joined.body());
        String user = TestGatewayClient.JSON.readTree(joined.body()).path("user_id").asText();
        JsonNode add = client.nextDispatch("GUILD_MEMBER_ADD").path("d");
        assertEquals(user, add.path("user").path("id").asText());
        assertEquals("newbie", add.path("user").path("username").asText());
        assertTrue(guild.member(Long.parseUnsignedLong(user)).isPresent());
        assertEquals(400, http("POST", "/guilds/" + gid + "/members", "{\"user_id\":\"" + user + "\"}").statusCode());
        assertEquals(400, http("POST", "/guilds/" + gid + "/members", "{}").statusCode());
        assertEquals(404, http("POST", "/guilds/1/members", "{\"username\":\"x\"}").statusCode());

        HttpResponse<String> times = http("POST", "/rest/interactions", "{\"deadline_ms\":50,\"token_ttl_ms\":100}");
        assertEquals(200, times.statusCode());
        assertEquals(50, sim.control().restConfig().interactionDeadlineMs());
        assertEquals(100, sim.control().restConfig().interactionTokenTtlMs());
    }

    @Test
    void populationEventsMutateStateAndDispatch() {
        SimEvents events = sim.control().events();
        long newcomer = sim.population().guilds().get(1).members().getLast().userId();
        events.memberAdd(guild.id(), newcomer);
        assertEquals(Long.toUnsignedString(newcomer),
                client.nextDispatch("GUILD_MEMBER_ADD").path("d").path("user").path("id").asText());

        SimRole role = events.roleCreate(guild.id(), "DJ", 0);
        assertEquals("DJ", client.nextDispatch("GUILD_ROLE_CREATE").path("d").path("role").path("name").asText());
        events.memberUpdate(guild.id(), newcomer, "dj", List.of(role.id()));
        assertEquals("dj", client.nextDispatch("GUILD_MEMBER_UPDATE").path("d").path("nick").asText());
        events.roleDelete(guild.id(), role.id());
        JsonNode deleted = client.nextDispatch("GUILD_ROLE_DELETE").path("d");
        assertFalse(deleted.has("role"), "GUILD_ROLE_DELETE carries only role_id");
        assertTrue(guild.member(newcomer).orElseThrow().roles().isEmpty(), "role stripped from members");

        SimChannel channel = events.channelCreate(guild.id(), SimChannel.VOICE, "Stage", 0, 5);
        JsonNode created = client.nextDispatch("CHANNEL_CREATE").path("d");
        assertEquals(Long.toUnsignedString(guild.id()), created.path("guild_id").asText());
        assertEquals(5, created.path("user_limit").asInt());
        events.channelUpdate(guild.id(), channel.id(), "Stage 2", null);
        assertEquals("Stage 2", client.nextDispatch("CHANNEL_UPDATE").path("d").path("name").asText());
        events.channelDelete(guild.id(), channel.id());
        client.nextDispatch("CHANNEL_DELETE");
        events.memberRemove(guild.id(), newcomer);
        client.nextDispatch("GUILD_MEMBER_REMOVE");

        events.guildUpdate(guild.id(), "Renamed");
        JsonNode update = client.nextDispatch("GUILD_UPDATE").path("d");
        assertEquals("Renamed", update.path("name").asText());
        assertFalse(update.has("members") || update.has("channels"), "GUILD_UPDATE has no extras");

        events.guildOutage(guild.id());
        assertTrue(client.nextDispatch("GUILD_DELETE").path("d").path("unavailable").asBoolean());
        events.guildRecover(guild.id());
        assertEquals("Renamed", client.nextDispatch("GUILD_CREATE").path("d").path("name").asText());
        events.guildRemove(guild.id());
        assertFalse(client.nextDispatch("GUILD_DELETE").path("d").has("unavailable"), "removal, not an outage");
    }

    @Test
    void unknownTargetsAreReportedAsNotFound() {
        SimException e = assertThrows(SimException.class, () -> sim.control().events().memberRemove(guild.id(), 1));
        assertEquals(SimException.Kind.NOT_FOUND, e.kind());
        assertThrows(SimException.class, () -> sim.control().gateway().close(999, 4000));
    }
}
