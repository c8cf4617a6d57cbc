package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.control.SimEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A follow-up by its ID: get, edit (MESSAGE_UPDATE), delete (MESSAGE_DELETE); foreign and unknown IDs are 10008. */
class FollowUpRoutesTest {

    private SimRestFixture f;
    private RestClient noAuth;
    private long general;

    @BeforeEach
    void start() {
        f = new SimRestFixture();
        noAuth = new RestClient(f.sim.apiBaseUrl(), null);
        general = f.channel("general");
        // more calls per token than Discord's webhook bucket allows in a moment: this test is not about limits
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("webhooks", new RestConfig.BucketLimit(50, 1_000, false)));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private String acknowledged(SimEvents.CreatedInteraction created) {
        String callback = "/interactions/" + id(created.id()) + "/" + created.token() + "/callback";
        assertThat(noAuth.call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"first\"}}").status())
                .isEqualTo(204);
        return "/webhooks/" + id(f.sim.applicationId()) + "/" + created.token();
    }

    @Test
    void aFollowUpIsReadEditedAndDeletedByItsId() {
        SimEvents.CreatedInteraction created = f.sim.control().events().interactionCreate(general,
                f.guild.members().get(5).userId(), "ping", null);
        String webhook = acknowledged(created);
        f.gateway.nextDispatch("MESSAGE_CREATE");
        JsonNode followUp = noAuth.call("POST", webhook, "{\"content\":\"second\"}").json();
        f.gateway.nextDispatch("MESSAGE_CREATE");
        String path = webhook + "/messages/" + followUp.path("id").asText();

        assertThat(noAuth.call("GET", path, null).json().path("content").asText()).isEqualTo("second");
        RestClient.Result edited = noAuth.call("PATCH", path, "{\"content\":\"second, edited\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("edited_timestamp").isTextual()).isTrue();
        JsonNode update = f.gateway.nextDispatch("MESSAGE_UPDATE").path("d");
        assertThat(update.path("id").asText()).isEqualTo(followUp.path("id").asText());
        assertThat(update.path("content").asText()).isEqualTo("second, edited");
        assertThat(noAuth.call("GET", webhook + "/messages/@original", null).json().path("content").asText())
                .as("the original is untouched").isEqualTo("first");

        assertThat(noAuth.call("DELETE", path, null).status()).isEqualTo(204);
        assertThat(f.gateway.nextDispatch("MESSAGE_DELETE").path("d").path("id").asText())
                .isEqualTo(followUp.path("id").asText());
        assertThat(noAuth.call("GET", path, null).json().path("code").asInt()).isEqualTo(10008);
        assertThat(f.sim.control().messages().stream().filter(m -> m.id() == followUp.path("id").asLong())
                .findFirst().orElseThrow().deleted()).isTrue();
    }

    @Test
    void theOriginalsOwnIdReachesItAndOtherMessagesAreUnknown() {
        SimEvents.CreatedInteraction created = f.sim.control().events().interactionCreate(general,
                f.guild.members().get(5).userId(), "ping", null);
        String webhook = acknowledged(created);
        String originalId = f.gateway.nextDispatch("MESSAGE_CREATE").path("d").path("id").asText();
        RestClient.Result edited = noAuth.call("PATCH", webhook + "/messages/" + originalId, "{\"content\":\"again\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(noAuth.call("GET", webhook + "/messages/@original", null).json().path("content").asText())
                .isEqualTo("again");

        String botMessage = f.post(general, "{\"content\":\"not a follow-up\"}").path("id").asText();
        assertThat(noAuth.call("GET", webhook + "/messages/" + botMessage, null).json().path("code").asInt())
                .isEqualTo(10008);
        SimEvents.CreatedInteraction other = f.sim.control().events().interactionCreate(general,
                f.guild.members().get(6).userId(), "ping", null);
        String otherWebhook = acknowledged(other);
        assertThat(noAuth.call("DELETE", otherWebhook + "/messages/" + originalId, null).json().path("code").asInt())
                .as("another interaction's message").isEqualTo(10008);
        assertThat(noAuth.call("GET", "/webhooks/" + id(f.sim.applicationId()) + "/nope/messages/" + originalId, null)
                .json().path("code").asInt()).isEqualTo(10015);
    }
}
