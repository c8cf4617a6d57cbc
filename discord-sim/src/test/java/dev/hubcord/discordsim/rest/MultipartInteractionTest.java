package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.MultipartClient.Part.file;
import static dev.hubcord.discordsim.rest.MultipartClient.Part.json;
import static dev.hubcord.discordsim.rest.MultipartMessageTest.text;
import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.control.SimEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files on the interaction routes: callbacks of type 4 and 7 (attachments under {@code data}), follow-ups, and edits
 * of {@code @original} and of a follow-up by ID.
 */
class MultipartInteractionTest {

    private SimRestFixture f;
    private MultipartClient form;
    private long general;
    private long user;

    @BeforeEach
    void start() {
        f = new SimRestFixture();
        form = new MultipartClient(f.sim.apiBaseUrl(), null);
        general = f.channel("general");
        user = f.guild.members().get(5).userId();
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("webhooks", new RestConfig.BucketLimit(50, 1_000, false)));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static String download(JsonNode attachment) {
        MultipartClient.Result r = MultipartClient.get(attachment.path("url").asText());
        assertThat(r.status()).isEqualTo(200);
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aCallbackAFollowUpAndTheirEditsCarryFiles() {
        SimEvents.CreatedInteraction created = f.sim.control().events().interactionCreate(general, user, "ping", null);
        String callback = "/interactions/" + id(created.id()) + "/" + created.token() + "/callback?with_response=true";
        MultipartClient.Result answered = form.send("POST", callback,
                json("{\"type\":4,\"data\":{\"content\":\"pong\",\"attachments\":[{\"id\":0,\"filename\":\"r.txt\"}]}}"),
                file(0, "r.txt", "text/plain", text("response file")));
        assertThat(answered.status()).isEqualTo(200);
        JsonNode response = answered.json().path("resource").path("message");
        assertThat(response.path("attachments").get(0).path("filename").asText()).isEqualTo("r.txt");
        assertThat(download(response.path("attachments").get(0))).isEqualTo("response file");

        String webhook = "/webhooks/" + id(f.sim.applicationId()) + "/" + created.token();
        MultipartClient.Result followUp = form.send("POST", webhook, json("{\"content\":\"more\"}"),
                file(0, "f.txt", "text/plain", text("follow-up file")));
        assertThat(followUp.status()).isEqualTo(200);
        assertThat(download(followUp.json().path("attachments").get(0))).isEqualTo("follow-up file");

        JsonNode original = form.send("PATCH", webhook + "/messages/@original", json("{\"content\":\"pong 2\"}"),
                file(0, "s.txt", "text/plain", text("second"))).json();
        assertThat(original.path("attachments").findValuesAsText("filename")).containsExactly("r.txt", "s.txt");
        String followUpPath = webhook + "/messages/" + followUp.json().path("id").asText();
        JsonNode replaced = form.send("PATCH", followUpPath, json("{\"attachments\":[{\"id\":0}]}"),
                file(0, "g.txt", "text/plain", text("replacement"))).json();
        assertThat(replaced.path("attachments").findValuesAsText("filename")).containsExactly("g.txt");
        assertThat(download(replaced.path("attachments").get(0))).isEqualTo("replacement");

        assertThat(f.sim.control().messages()).filteredOn(m -> m.interactionId() == created.id())
                .extracting(m -> m.attachments().findValuesAsText("filename"))
                .containsExactly(java.util.List.of("r.txt", "s.txt"), java.util.List.of("g.txt"));
    }

    @Test
    void anUpdateCallbackAddsAFileToTheComponentsMessage() {
        JsonNode posted = f.post(general, "{\"content\":\"Pick\",\"components\":[{\"type\":1,\"components\":["
                + "{\"type\":2,\"style\":1,\"label\":\"Go\",\"custom_id\":\"go\"}]}]}");
        RestClient control = new RestClient(f.sim.controlUrl(), null);
        JsonNode click = control.call("POST", "/interactions/component", "{\"message_id\":\""
                + posted.path("id").asText() + "\",\"user_id\":\"" + id(user) + "\",\"custom_id\":\"go\"}").json();
        String callback = "/interactions/" + click.path("id").asText() + "/" + click.path("token").asText()
                + "/callback";
        MultipartClient.Result update = form.send("POST", callback,
                json("{\"type\":7,\"data\":{\"content\":\"Done\",\"attachments\":[{\"id\":0}]}}"),
                file(0, "u.txt", "text/plain", text("updated")));
        assertThat(update.status()).isEqualTo(204);
        JsonNode message = f.rest.call("GET", "/channels/" + id(general) + "/messages/" + posted.path("id").asText(),
                null).json();
        assertThat(message.path("content").asText()).isEqualTo("Done");
        assertThat(message.path("attachments").findValuesAsText("filename")).containsExactly("u.txt");
        assertThat(download(message.path("attachments").get(0))).isEqualTo("updated");
    }
}
