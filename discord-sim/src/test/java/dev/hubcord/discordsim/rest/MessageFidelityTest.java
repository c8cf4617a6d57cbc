package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.population.SimMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Message payloads shaped as Discord's: rich embeds, replies, interaction answers, mentions with members. */
class MessageFidelityTest {

    private SimRestFixture f;
    private long general;

    @BeforeEach
    void start() {
        f = new SimRestFixture();
        general = f.channel("general");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void embedsAreEchoedAsRichUnlessTheyNameATypeAndNonObjectsAreDropped() {
        JsonNode sent = f.post(general, "{\"embeds\":[{\"title\":\"a\"},{\"title\":\"b\",\"type\":\"image\"},3]}");
        assertThat(sent.path("embeds")).hasSize(2);
        assertThat(sent.path("embeds").get(0).path("type").asText()).isEqualTo("rich");
        assertThat(sent.path("embeds").get(1).path("type").asText()).isEqualTo("image");
        JsonNode event = f.gateway.nextDispatch("MESSAGE_CREATE").path("d");
        assertThat(event.path("embeds").get(0).path("type").asText()).isEqualTo("rich");
    }

    @Test
    void aReplyIsType19WithTheReferencedMessageAndAnUnknownReferenceIsRefused() {
        JsonNode original = f.post(general, "{\"content\":\"question\"}");
        f.gateway.nextDispatch("MESSAGE_CREATE");
        JsonNode reply = f.post(general, "{\"content\":\"answer\",\"message_reference\":{\"message_id\":\""
                + original.path("id").asText() + "\"}}");
        assertThat(reply.path("type").asInt()).isEqualTo(19);
        assertThat(reply.path("message_reference").path("message_id").asText()).isEqualTo(original.path("id").asText());
        assertThat(reply.path("referenced_message").path("content").asText()).isEqualTo("question");
        assertThat(f.gateway.nextDispatch("MESSAGE_CREATE").path("d").path("referenced_message").path("id").asText())
                .isEqualTo(original.path("id").asText());

        RestClient.Result unknown = f.rest.call("POST", "/channels/" + id(general) + "/messages",
                "{\"content\":\"x\",\"message_reference\":{\"message_id\":\"1\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("code").asInt()).isEqualTo(50035);
        assertThat(unknown.json().path("errors").has("message_reference")).isTrue();
        JsonNode lenient = f.post(general,
                "{\"content\":\"x\",\"message_reference\":{\"message_id\":\"1\",\"fail_if_not_exists\":false}}");
        assertThat(lenient.path("type").asInt()).as("sent as a plain message").isZero();
        assertThat(lenient.has("message_reference")).isFalse();
    }

    @Test
    void interactionAnswersAreType20WithInteractionMetadataAndFollowUpsNameTheOriginal() {
        SimMember user = f.guild.members().get(5);
        SimEvents.CreatedInteraction created = f.sim.control().events().interactionCreate(general, user.userId(),
                "ping", null);
        String callback = "/interactions/" + id(created.id()) + "/" + created.token() + "/callback";
        assertThat(f.rest.call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"pong\"}}").status())
                .isEqualTo(204);
        JsonNode response = f.gateway.nextDispatch("MESSAGE_CREATE").path("d");
        assertThat(response.path("type").asInt()).isEqualTo(20);
        JsonNode meta = response.path("interaction_metadata");
        assertThat(meta.path("id").asText()).isEqualTo(id(created.id()));
        assertThat(meta.path("type").asInt()).isEqualTo(2);
        assertThat(meta.path("name").asText()).isEqualTo("ping");
        assertThat(meta.path("user").path("id").asText()).isEqualTo(id(user.userId()));
        assertThat(meta.has("original_response_message_id")).isFalse();
        assertThat(response.path("interaction").path("name").asText()).isEqualTo("ping");

        RestClient.Result followUp = f.rest.call("POST", "/webhooks/" + id(f.sim.applicationId()) + "/"
                + created.token(), "{\"content\":\"more\"}");
        assertThat(followUp.json().path("type").asInt()).isEqualTo(20);
        assertThat(followUp.json().path("interaction_metadata").path("original_response_message_id").asText())
                .isEqualTo(response.path("id").asText());
    }

    @Test
    void mentionsCarryThePartialMemberAndUserMessagesStayType0() {
        SimMember mentioned = f.guild.members().get(4);
        JsonNode sent = f.post(general, "{\"content\":\"hi <@" + id(mentioned.userId()) + ">\"}");
        JsonNode mention = sent.path("mentions").get(0);
        assertThat(mention.path("id").asText()).isEqualTo(id(mentioned.userId()));
        assertThat(mention.path("member").path("joined_at").isTextual()).isTrue();
        assertThat(mention.path("member").has("user")).as("partial: no user inside").isFalse();
        assertThat(sent.path("type").asInt()).isZero();
    }
}
