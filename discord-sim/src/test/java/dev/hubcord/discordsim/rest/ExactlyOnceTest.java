package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What makes exactly-once replies possible: {@code nonce} with {@code enforce_nonce}, the single interaction
 * acknowledgement, the visibility rules of deferred responses, the message record, and slow routes.
 */
class ExactlyOnceTest {

    private DiscordSim sim;
    private RestClient rest;
    private TestGatewayClient gateway;
    private SimGuild guild;
    private long general;
    private long other;
    private String messages;

    @BeforeEach
    void start() {
        sim = Sims.start();
        rest = new RestClient(sim.apiBaseUrl(), sim.token());
        guild = sim.population().guilds().getFirst();
        general = channel("general");
        other = channel("text-2");
        messages = "/channels/" + Long.toUnsignedString(general) + "/messages";
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

    private List<SentMessage> botMessages() {
        return sim.control().messages().stream().filter(m -> m.authorId() == sim.applicationId()).toList();
    }

    @Test
    void enforcedNonceReturnsTheOriginalAndCreatesNothing() {
        String body = "{\"content\":\"pong\",\"nonce\":\"cmd-1\",\"enforce_nonce\":true}";
        RestClient.Result first = rest.call("POST", messages, body);
        assertEquals(200, first.status());
        assertEquals("cmd-1", first.json().path("nonce").asText(), "the message echoes the nonce");
        assertEquals("cmd-1", gateway.nextDispatch("MESSAGE_CREATE").path("d").path("nonce").asText());

        RestClient.Result again = rest.call("POST", messages,
                "{\"content\":\"pong, second try\",\"nonce\":\"cmd-1\",\"enforce_nonce\":true}");
        assertEquals(200, again.status());
        assertEquals(first.json().path("id").asText(), again.json().path("id").asText());
        assertEquals("pong", again.json().path("content").asText(), "the original, not the new content");

        // The next MESSAGE_CREATE is this one: the duplicate dispatched nothing.
        rest.call("POST", messages, "{\"content\":\"marker\"}");
        assertEquals("marker", gateway.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText());
        assertEquals(2, botMessages().size());

        String numericBody = "{\"content\":\"n\",\"nonce\":42,\"enforce_nonce\":true}";
        RestClient.Result numeric = rest.call("POST", messages, numericBody);
        assertTrue(numeric.json().path("nonce").isInt(), "an integer nonce is echoed as an integer");
        assertEquals(numeric.json().path("id").asText(), rest.call("POST", messages, numericBody).json().path("id")
                .asText());
    }

    @Test
    void withoutEnforcementOrInAnotherChannelOrByAnotherAuthorANewMessageIsCreated() {
        String id = rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":\"n1\"}").json().path("id").asText();
        String plain = rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":\"n1\"}").json().path("id").asText();
        assertNotEquals(id, plain, "without enforce_nonce the nonce is only echoed");

        String elsewhere = rest.call("POST", "/channels/" + Long.toUnsignedString(other) + "/messages",
                "{\"content\":\"a\",\"nonce\":\"n2\",\"enforce_nonce\":true}").json().path("id").asText();
        String here = rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":\"n2\",\"enforce_nonce\":true}")
                .json().path("id").asText();
        assertNotEquals(elsewhere, here, "a nonce is scoped to the channel");

        long user = guild.members().get(5).userId();
        String users = sim.control().events().messageCreate(general, user, "hi", "n3").path("id").asText();
        String bots = rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":\"n3\",\"enforce_nonce\":true}")
                .json().path("id").asText();
        assertNotEquals(users, bots, "another author's nonce does not count");
        assertEquals(5, botMessages().size());
    }

    @Test
    void aNonceIsForgottenAfterTheWindow() {
        sim.control().setRestConfig(sim.control().restConfig().withNonceWindow(150));
        String body = "{\"content\":\"a\",\"nonce\":\"w\",\"enforce_nonce\":true}";
        String first = rest.call("POST", messages, body).json().path("id").asText();
        assertEquals(first, rest.call("POST", messages, body).json().path("id").asText());
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> !first.equals(rest.call("POST", messages, body).json().path("id").asText()));
        assertEquals(2, botMessages().size());
    }

    @Test
    void badNoncesAreFormErrors() {
        RestClient.Result tooLong = rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":\"" + "x".repeat(26)
                + "\"}");
        assertEquals(400, tooLong.status());
        assertEquals(50035, tooLong.json().path("code").asInt());
        assertEquals("BASE_TYPE_MAX_LENGTH", tooLong.json().path("errors").path("nonce").path("_errors").path(0)
                .path("code").asText());
        assertEquals(400, rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":{}}").status());
        assertEquals(400, rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":1.5}").status());
        assertEquals(400, rest.call("POST", messages,
                "{\"content\":\"a\",\"nonce\":\"n\",\"enforce_nonce\":\"yes\"}").status());
        assertEquals(200, rest.call("POST", messages, "{\"content\":\"a\",\"nonce\":\"" + "x".repeat(25) + "\"}")
                .status());
        assertEquals(1, botMessages().size(), "nothing was created by the refused requests");
    }

    @Test
    void aFollowUpWhileTheDeferralLoadsKeepsItsVisibilityAndTheRecordShowsIt() {
        long user = guild.members().get(5).userId();
        SimEvents.CreatedInteraction created = sim.control().events().interactionCreate(general, user, "x", null);
        RestClient noAuth = new RestClient(sim.apiBaseUrl(), null);
        String callback = "/interactions/" + Long.toUnsignedString(created.id()) + "/" + created.token()
                + "/callback";
        assertEquals(204, noAuth.call("POST", callback, "{\"type\":5}").status());
        assertEquals(40060, noAuth.call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"x\"}}").json()
                .path("code").asInt(), "a second acknowledgement");
        String webhook = "/webhooks/" + Long.toUnsignedString(sim.applicationId()) + "/" + created.token();
        JsonNode first = noAuth.call("POST", webhook, "{\"content\":\"secret\",\"flags\":64}").json();
        SentMessage original = botMessages().getFirst();
        assertEquals(original.id(), Long.parseUnsignedLong(first.path("id").asText()),
                "the first follow-up filled in the deferred response");
        assertFalse(botMessages().getFirst().ephemeral(), "public, as the deferral was: the flag was ignored");
        assertEquals("secret", botMessages().getFirst().content());

        JsonNode second = noAuth.call("POST", webhook, "{\"content\":\"private\",\"flags\":64}").json();
        assertNotEquals(first.path("id").asText(), second.path("id").asText());
        SentMessage followUp = botMessages().getLast();
        assertEquals(SentMessage.Kind.FOLLOW_UP, followUp.kind());
        assertTrue(followUp.ephemeral());
        assertEquals(created.id(), followUp.interactionId());

        assertEquals(204, noAuth.call("DELETE", webhook + "/messages/@original", null).status());
        assertEquals(Long.parseUnsignedLong(first.path("id").asText()),
                Long.parseUnsignedLong(gateway.nextDispatch("MESSAGE_DELETE").path("d").path("id").asText()));
        assertTrue(botMessages().getFirst().deleted());
        assertEquals(10008, noAuth.call("PATCH", webhook + "/messages/@original", "{\"content\":\"y\"}").json()
                .path("code").asInt());
    }

    @Test
    void anEphemeralDeferralIsRecordedAsLoadingAndEphemeral() {
        long user = guild.members().get(5).userId();
        SimEvents.CreatedInteraction created = sim.control().events().interactionCreate(general, user, "x", null);
        RestClient noAuth = new RestClient(sim.apiBaseUrl(), null);
        noAuth.call("POST", "/interactions/" + Long.toUnsignedString(created.id()) + "/" + created.token()
                + "/callback", "{\"type\":5,\"data\":{\"flags\":64}}");
        SentMessage deferred = botMessages().getFirst();
        assertTrue(deferred.ephemeral());
        assertTrue(deferred.loading());
        String webhook = "/webhooks/" + Long.toUnsignedString(sim.applicationId()) + "/" + created.token();
        noAuth.call("PATCH", webhook + "/messages/@original", "{\"content\":\"done\"}");
        SentMessage filled = botMessages().getFirst();
        assertFalse(filled.loading());
        assertTrue(filled.ephemeral());
        assertEquals(List.of(""), filled.history());
    }

    @Test
    void aSlowRouteTakesEffectAtOnceAndAnswersLate() throws Exception {
        sim.control().delayRest("messages", 1_000, 1);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest slow = HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + messages))
                .timeout(Duration.ofMillis(200)).header("Authorization", "Bot " + sim.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"slow\"}")).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(slow, HttpResponse.BodyHandlers.ofString()));
        assertEquals("slow", gateway.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText(),
                "the effect happened although the client saw no answer");
        HttpResponse<String> next = http.send(slow, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode(), "only the next request was delayed");
        assertEquals(2, botMessages().size());

        sim.control().delayRest("messages", other, 1_000, 1);
        assertEquals(200, http.send(slow, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "a delay in another channel leaves this one alone");
        HttpRequest there = HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/channels/"
                + Long.toUnsignedString(other) + "/messages")).timeout(Duration.ofMillis(200))
                .header("Authorization", "Bot " + sim.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"there\"}")).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(there, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void theRecordIsAvailableOverHttp() {
        long user = guild.members().get(5).userId();
        RestClient control = new RestClient(sim.controlUrl(), null);
        String trigger = control.call("POST", "/messages", "{\"channel_id\":\"" + Long.toUnsignedString(general)
                + "\",\"author_id\":\"" + Long.toUnsignedString(user) + "\",\"content\":\"!ping\"}").json()
                .path("id").asText();
        rest.call("POST", messages, "{\"content\":\"pong\",\"nonce\":\"r\",\"enforce_nonce\":true,"
                + "\"message_reference\":{\"message_id\":\"" + trigger + "\"}}");
        JsonNode all = control.call("GET", "/messages?channel_id=" + Long.toUnsignedString(general), null).json();
        assertEquals(2, all.size());
        assertEquals("user", all.path(0).path("kind").asText());
        JsonNode reply = all.path(1);
        assertEquals("message", reply.path("kind").asText());
        assertEquals(trigger, reply.path("reply_to").asText());
        assertEquals("r", reply.path("nonce").asText());
        assertFalse(reply.path("ephemeral").asBoolean());
        assertEquals(204, control.call("POST", "/rest/delays/messages", "{\"delay_ms\":10,\"count\":1}").status());
        assertEquals(404, control.call("POST", "/rest/delays/nonsense", "{\"delay_ms\":10}").status());
        assertEquals(204, control.call("DELETE", "/messages", null).status());
        assertTrue(sim.control().messages().isEmpty());
    }
}
