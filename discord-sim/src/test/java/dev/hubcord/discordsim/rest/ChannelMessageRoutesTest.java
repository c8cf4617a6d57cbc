package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET channel, typing, and get/list/edit/delete of messages with their errors and gateway side effects. */
class ChannelMessageRoutesTest {

    private SimRestFixture f;
    private long general;
    private String messages;

    @BeforeEach
    void start() {
        f = new SimRestFixture(SimRestFixture.WITH_REACTIONS_AND_TYPING);
        general = f.channel("general");
        messages = "/channels/" + id(general) + "/messages";
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void getChannelCarriesGuildNsfwAndTheLastMessageIdAndHidesWhatTheBotCannotSee() {
        JsonNode before = f.rest.call("GET", "/channels/" + id(general), null).json();
        assertThat(before.path("guild_id").asText()).isEqualTo(id(f.guild.id()));
        assertThat(before.path("nsfw").isBoolean()).isTrue();
        assertThat(before.has("parent_id")).isTrue();
        JsonNode sent = f.post(general, "{\"content\":\"x\"}");
        assertThat(f.rest.call("GET", "/channels/" + id(general), null).json().path("last_message_id").asText())
                .isEqualTo(sent.path("id").asText());

        RestClient.Result hidden = f.rest.call("GET", "/channels/" + id(f.channel("staff")), null);
        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.json().path("code").asInt()).isEqualTo(50001);
        assertThat(f.rest.call("GET", "/channels/1", null).json().path("code").asInt()).isEqualTo(10003);
    }

    @Test
    void typingAnswers204AndDispatchesTypingStartWithTheBotsMember() {
        assertThat(f.rest.call("POST", "/channels/" + id(general) + "/typing", null).status()).isEqualTo(204);
        JsonNode typing = f.gateway.nextDispatch("TYPING_START").path("d");
        assertThat(typing.path("user_id").asText()).isEqualTo(id(f.sim.population().bot().id()));
        assertThat(typing.path("channel_id").asText()).isEqualTo(id(general));
        assertThat(typing.path("member").path("user").path("id").asText()).isEqualTo(typing.path("user_id").asText());
        assertThat(typing.path("timestamp").isIntegralNumber()).isTrue();
    }

    @Test
    void getEditAndDeleteAMessage() {
        JsonNode sent = f.post(general, "{\"content\":\"draft\"}");
        String path = messages + "/" + sent.path("id").asText();
        assertThat(f.rest.call("GET", path, null).json().path("content").asText()).isEqualTo("draft");

        RestClient.Result edit = f.rest.call("PATCH", path, "{\"content\":\"final\",\"embeds\":[{\"title\":\"t\"}]}");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.json().path("edited_timestamp").isTextual()).isTrue();
        assertThat(edit.json().path("embeds").get(0).path("type").asText()).isEqualTo("rich");
        JsonNode update = f.gateway.nextDispatch("MESSAGE_UPDATE").path("d");
        assertThat(update.path("content").asText()).isEqualTo("final");
        assertThat(f.rest.call("GET", path, null).json().path("content").asText()).isEqualTo("final");

        JsonNode theirs = f.sim.control().events().messageCreate(general, f.guild.members().get(5).userId(), "hey");
        RestClient.Result foreign = f.rest.call("PATCH", messages + "/" + theirs.path("id").asText(),
                "{\"content\":\"no\"}");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("code").asInt()).isEqualTo(50005);

        assertThat(f.rest.call("DELETE", path, null).status()).isEqualTo(204);
        assertThat(f.gateway.nextDispatch("MESSAGE_DELETE").path("d").path("id").asText())
                .isEqualTo(sent.path("id").asText());
        RestClient.Result gone = f.rest.call("GET", path, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("code").asInt()).isEqualTo(10008);
        assertThat(f.sim.control().messages().stream().filter(m -> m.id() == sent.path("id").asLong())
                .findFirst().orElseThrow().deleted()).isTrue();
    }

    @Test
    void editingAnInteractionResponseThroughTheChannelIsWhatTheWebhookRouteSees() {
        var created = f.sim.control().events().interactionCreate(general, f.guild.members().get(5).userId(), "ping",
                null);
        f.rest.call("POST", "/interactions/" + id(created.id()) + "/" + created.token() + "/callback",
                "{\"type\":4,\"data\":{\"content\":\"pong\"}}");
        String responseId = f.gateway.nextDispatch("MESSAGE_CREATE").path("d").path("id").asText();
        assertThat(f.rest.call("PATCH", messages + "/" + responseId, "{\"content\":\"pong!\"}").status())
                .isEqualTo(200);
        String original = "/webhooks/" + id(f.sim.applicationId()) + "/" + created.token() + "/messages/@original";
        assertThat(f.rest.call("GET", original, null).json().path("content").asText()).isEqualTo("pong!");
        assertThat(f.rest.call("DELETE", messages + "/" + responseId, null).status()).isEqualTo(204);
        assertThat(f.rest.call("GET", original, null).json().path("code").asInt()).isEqualTo(10008);
    }

    @Test
    void anApplicationCommandsIdIsStableAndDecodesToATimeAfterTheApplicationWasCreated() {
        var first = f.sim.control().events().interactionCreate(general, f.guild.members().get(5).userId(), "ping",
                null);
        var again = f.sim.control().events().interactionCreate(general, f.guild.members().get(6).userId(), "ping",
                null);
        long command = Long.parseUnsignedLong(first.payload().path("data").path("id").asText());
        assertThat(again.payload().path("data").path("id").asText()).isEqualTo(Long.toUnsignedString(command));
        long created = dev.hubcord.discordsim.population.Snowflakes.timestampMillis(f.sim.applicationId());
        long at = dev.hubcord.discordsim.population.Snowflakes.timestampMillis(command);
        assertThat(at).isBetween(created, System.currentTimeMillis());
    }

    @Test
    void listMessagesNewestFirstWithLimitBeforeAfterAndAround() {
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("messages", new RestConfig.BucketLimit(50, 5_000, false))
                .withBucket("message_list", new RestConfig.BucketLimit(50, 1_000, false)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(f.post(general, "{\"content\":\"m" + i + "\"}").path("id").asText());
        }
        assertThat(ids(f.rest.call("GET", messages, null).json())).isEqualTo(ids.reversed());
        assertThat(ids(f.rest.call("GET", messages + "?limit=2", null).json()))
                .containsExactly(ids.get(6), ids.get(5));
        assertThat(ids(f.rest.call("GET", messages + "?limit=2&before=" + ids.get(3), null).json()))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(f.rest.call("GET", messages + "?limit=2&after=" + ids.get(3), null).json()))
                .containsExactly(ids.get(5), ids.get(4));
        assertThat(ids(f.rest.call("GET", messages + "?limit=3&around=" + ids.get(3), null).json()))
                .containsExactly(ids.get(4), ids.get(3), ids.get(2));
        RestClient.Result bad = f.rest.call("GET", messages + "?limit=101", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").has("limit")).isTrue();
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(m -> out.add(m.path("id").asText()));
        return out;
    }
}
