package dev.hubcord.commands.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.testing.TestModule;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.SentMessage;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Files from a command handler through the real simulated Discord: the interaction callback, a follow-up, a channel
 * reply to a prefix command and a button's update each carry their file, which the attachment's URL serves back
 * byte for byte.
 */
class FileUploadsTest extends WorkerWithSim {

    private static final HttpClient HTTP = HttpClient.newHttpClient();


    private static SentMessage message(SentMessage.Kind kind, String content, long interactionId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .filter(m -> m.kind() == kind && m.content().equals(content) && m.interactionId() == interactionId)
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static byte[] download(JsonNode attachment) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(attachment.path("url").asText()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aSlashCommandAnswersWithAFileAndFollowsUpWithAnother() throws Exception {
        SimEvents.CreatedInteraction created = send.forward(user.chatInput(world.general, world.plain, "attach",
                Json.mapper().createArrayNode()));
        SentMessage response = message(SentMessage.Kind.INTERACTION_RESPONSE, "a file", created.id());
        JsonNode first = response.attachments().get(0);
        assertThat(response.attachments()).hasSize(1);
        assertThat(first.path("filename").asText()).isEqualTo("first.txt");
        assertThat(first.path("description").asText()).isEqualTo("the first");
        assertThat(first.path("size").asInt()).isEqualTo(TestModule.FIRST_FILE.length);
        assertThat(download(first)).isEqualTo(TestModule.FIRST_FILE);
        assertThat(send.callback(created).path("data").path("attachments").path(0).path("id").asInt())
                .as("payload_json refers to files[0]").isZero();

        SentMessage followUp = message(SentMessage.Kind.FOLLOW_UP, "another file", created.id());
        assertThat(followUp.attachments().findValuesAsText("filename")).containsExactly("second.bin");
        assertThat(download(followUp.attachments().get(0))).isEqualTo(TestModule.SECOND_FILE);

        SimEvents.CreatedInteraction click = send.forward(user.component(response.id(), world.plain, "attach:again",
                List.of()));
        assertThat(send.callback(click).path("type").asInt()).isEqualTo(7);
        SentMessage updated = await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages()
                .stream().filter(m -> m.id() == response.id() && m.content().equals("updated with a file"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(updated.attachments().findValuesAsText("filename")).as("the update's attachments replace them")
                .containsExactly("again.txt");
        assertThat(new String(download(updated.attachments().get(0)), StandardCharsets.UTF_8)).isEqualTo("again");
    }

    @Test
    void aPrefixCommandRepliesInTheChannelWithAFile() throws Exception {
        String command = world.command(world.general, world.plain, "attach", "");
        assertThat(world.awaitReply(world.general, command)).isEqualTo("a file");
        SentMessage reply = await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages()
                .stream().filter(m -> m.kind() == SentMessage.Kind.MESSAGE && m.replyTo() == Long.parseUnsignedLong(
                        command)).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(reply.attachments().findValuesAsText("filename")).containsExactly("first.txt");
        assertThat(download(reply.attachments().get(0))).isEqualTo(TestModule.FIRST_FILE);
    }
}
