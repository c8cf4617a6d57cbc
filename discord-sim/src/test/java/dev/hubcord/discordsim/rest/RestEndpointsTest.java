package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands-worker endpoints with their status codes and their gateway side effects. */
class RestEndpointsTest {

    private DiscordSim sim;
    private RestClient rest;
    private TestGatewayClient gateway;
    private SimGuild guild;
    private long general;
    private long staff;

    @BeforeEach
    void start() {
        sim = Sims.start();
        rest = new RestClient(sim.apiBaseUrl(), sim.token());
        guild = sim.population().guilds().getFirst();
        general = channel("general");
        staff = channel("staff");
        gateway = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        gateway.nextOp(10);
        gateway.send(identify(sim.token(), INTENTS, 0, 1));
        for (int i = 0; i <= sim.population().guilds().size(); i++) {
            gateway.nextOp(0); // READY and every GUILD_CREATE
        }
    }

    @AfterEach
    void stop() {
        gateway.close();
        sim.close();
    }

    private long channel(String name) {
        return guild.snapshot().channels().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(SimChannel::id).orElseThrow();
    }

    private static String id(long v) {
        return Long.toUnsignedString(v);
    }

    @Test
    void createMessageDispatchesMessageCreate() {
        RestClient.Result r = rest.call("POST", "/channels/" + id(general) + "/messages", "{\"content\":\"pong\"}");
        assertEquals(200, r.status());
        JsonNode event = gateway.nextDispatch("MESSAGE_CREATE").path("d");
        assertEquals(r.json().path("id").asText(), event.path("id").asText());
        assertEquals("pong", event.path("content").asText());
        assertFalse(event.path("member").has("user"), "MESSAGE_CREATE member has no user");

        assertEquals(50006, rest.call("POST", "/channels/" + id(general) + "/messages", "{}").json()
                .path("code").asInt());
        assertEquals(10003, rest.call("POST", "/channels/1/messages", "{\"content\":\"x\"}").json()
                .path("code").asInt());
        RestClient.Result hidden = rest.call("POST", "/channels/" + id(staff) + "/messages", "{\"content\":\"x\"}");
        assertEquals(403, hidden.status(), "@everyone is denied VIEW_CHANNEL in #staff");
        assertEquals(50001, hidden.json().path("code").asInt());
    }

    @Test
    void banWithAuditReasonThenUnban() {
        SimMember target = guild.members().get(6);
        String path = "/guilds/" + id(guild.id()) + "/bans/" + id(target.userId());
        RestClient.Result ban = rest.call("PUT", path, "{\"delete_message_seconds\":3600}",
                "X-Audit-Log-Reason", "spam%20links");
        assertEquals(204, ban.status());
        assertEquals("spam%20links", sim.control().restRequests().getLast().header("X-Audit-Log-Reason"));
        assertEquals(id(target.userId()), gateway.nextDispatch("GUILD_BAN_ADD").path("d").path("user").path("id")
                .asText());
        assertEquals(id(target.userId()), gateway.nextDispatch("GUILD_MEMBER_REMOVE").path("d").path("user")
                .path("id").asText());
        assertTrue(guild.banned(target.userId()));
        assertEquals(204, rest.call("DELETE", path, null).status());
        gateway.nextDispatch("GUILD_BAN_REMOVE");
        assertEquals(10026, rest.call("DELETE", path, null).json().path("code").asInt());

        SimMember admin = guild.members().get(2); // holds the Admin role, above the bot's role
        RestClient.Result denied = rest.call("PUT", "/guilds/" + id(guild.id()) + "/bans/" + id(admin.userId()), "{}");
        assertEquals(403, denied.status());
        assertEquals(50013, denied.json().path("code").asInt());
    }

    @Test
    void kickAndTimeout() {
        SimMember target = guild.members().get(7);
        String path = "/guilds/" + id(guild.id()) + "/members/" + id(target.userId());
        String until = OffsetDateTime.now().plusMinutes(10).toString();
        RestClient.Result timeout = rest.call("PATCH", path, "{\"communication_disabled_until\":\"" + until + "\"}");
        assertEquals(200, timeout.status());
        assertFalse(timeout.json().path("communication_disabled_until").isNull());
        assertEquals(id(target.userId()), gateway.nextDispatch("GUILD_MEMBER_UPDATE").path("d").path("user")
                .path("id").asText());
        String tooLong = OffsetDateTime.now().plusDays(29).toString();
        assertEquals(400, rest.call("PATCH", path, "{\"communication_disabled_until\":\"" + tooLong + "\"}")
                .status());

        assertEquals(204, rest.call("DELETE", path, null).status());
        gateway.nextDispatch("GUILD_MEMBER_REMOVE");
        assertEquals(10007, rest.call("DELETE", path, null).json().path("code").asInt());
    }

    @Test
    void interactionCallbackFollowUpAndEdit() {
        long user = guild.members().get(5).userId();
        SimEvents.CreatedInteraction created = sim.control().events().interactionCreate(general, user, "ping", null);
        JsonNode event = gateway.nextDispatch("INTERACTION_CREATE").path("d");
        assertEquals(created.token(), event.path("token").asText());
        assertEquals(2, event.path("type").asInt());
        assertTrue(event.path("member").has("permissions"));

        String callback = "/interactions/" + id(created.id()) + "/" + created.token() + "/callback";
        RestClient noAuth = new RestClient(sim.apiBaseUrl(), null);
        assertEquals(204, noAuth.call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"pong\"}}").status());
        JsonNode reply = gateway.nextDispatch("MESSAGE_CREATE").path("d");
        assertEquals("pong", reply.path("content").asText());
        assertEquals(id(sim.applicationId()), reply.path("webhook_id").asText());
        RestClient.Result again = noAuth.call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"x\"}}");
        assertEquals(400, again.status());
        assertEquals(40060, again.json().path("code").asInt());

        String webhook = "/webhooks/" + id(sim.applicationId()) + "/" + created.token();
        assertEquals(200, noAuth.call("POST", webhook, "{\"content\":\"more\"}").status());
        assertEquals("more", gateway.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText());
        RestClient.Result edit = noAuth.call("PATCH", webhook + "/messages/@original", "{\"content\":\"edited\"}");
        assertEquals(200, edit.status());
        assertEquals(reply.path("id").asText(), edit.json().path("id").asText());
        assertEquals("edited", gateway.nextDispatch("MESSAGE_UPDATE").path("d").path("content").asText());
    }

    @Test
    void lateOrUnknownInteractionCallbackIs10062AndWithResponseReturnsTheMessage() {
        sim.control().setRestConfig(sim.control().restConfig().withInteractionTimes(150, 900_000));
        long user = guild.members().get(5).userId();
        SimEvents.CreatedInteraction late = sim.control().events().interactionCreate(general, user, "slow", null);
        String lateCallback = "/interactions/" + id(late.id()) + "/" + late.token() + "/callback";
        // First attempt only after the 150 ms deadline: an early one would acknowledge it.
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> rest.call("POST", lateCallback, "{\"type\":5}")
                .json().path("code").asInt() == 10062);
        assertEquals(10062, rest.call("POST", "/interactions/1/bad/callback", "{\"type\":4}").json()
                .path("code").asInt());

        SimEvents.CreatedInteraction quick = sim.control().events().interactionCreate(general, user, "fast", null);
        RestClient.Result r = rest.call("POST", "/interactions/" + id(quick.id()) + "/" + quick.token()
                + "/callback?with_response=true", "{\"type\":4,\"data\":{\"content\":\"eph\",\"flags\":64}}");
        assertEquals(200, r.status());
        assertTrue(r.json().path("interaction").path("response_message_ephemeral").asBoolean());
        assertEquals("eph", r.json().path("resource").path("message").path("content").asText());
    }

    @Test
    void messageContentIntentControlsWhatOtherSessionsSee() {
        try (TestGatewayClient noContent = TestGatewayClient.connect(sim.gatewayUrl(),
                TestGatewayClient.Compression.NONE)) {
            noContent.nextOp(10);
            await().atMost(Duration.ofSeconds(2)).until(() -> {
                noContent.send(identify(sim.token(), 1 | 512, 0, 1));
                return noContent.next().path("t").asText().equals("READY"); // op 9 (too fast) → retry
            });
            long author = guild.members().get(5).userId();
            sim.control().events().messageCreate(general, author, "secret");
            assertEquals("", noContent.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText());
            assertEquals("secret", gateway.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText());
            sim.control().events().messageCreate(general, author, "hey <@" + id(sim.applicationId()) + ">");
            assertTrue(noContent.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText().startsWith("hey"),
                    "mentions of the bot keep their content");
        }
    }
}
