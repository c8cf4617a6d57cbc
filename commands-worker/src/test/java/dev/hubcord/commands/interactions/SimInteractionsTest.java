package dev.hubcord.commands.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.SentMessage;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user's session through the simulated Discord's own interaction payloads and its callback validation: a command
 * posts a button, the click updates the message, a modal is opened and submitted, an option is autocompleted, and
 * both context menus are used on the results.
 */
class SimInteractionsTest extends WorkerWithSim {


    private static SentMessage message(String content) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .filter(m -> m.content().equals(content) && !m.deleted()).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void aButtonPostedByACommandIsClickedAndTheMessageUpdated() {
        send.forward(user.chatInput(world.general, world.plain, "vote", Json.mapper().createArrayNode()));
        SentMessage posted = message("Vote!");
        SimEvents.CreatedInteraction click = send.forward(user.component(posted.id(), world.plain, "vote:yes",
                List.of()));
        JsonNode callback = send.callback(click);
        assertThat(callback.path("type").asInt()).isEqualTo(7);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .anyMatch(m -> m.id() == posted.id() && m.content().equals("votes for yes")));
        SimEvents.CreatedInteraction quote = send.forward(user.messageCommand(world.general, world.plain, "Quote",
                posted.id()));
        assertThat(send.callback(quote).path("data").path("content").asText()).isEqualTo("> votes for yes");
    }

    @Test
    void aModalIsOpenedAndSubmitted() {
        SimEvents.CreatedInteraction ask = send.forward(user.chatInput(world.general, world.plain, "ask",
                Json.mapper().createArrayNode()));
        assertThat(send.callback(ask).path("type").asInt()).isEqualTo(9);
        SimEvents.CreatedInteraction submit = send.forward(user.modalSubmit("feedback:42", world.plain,
                Map.of("subject", TextNode.valueOf("the music"))));
        JsonNode answer = send.callback(submit);
        assertThat(answer.path("data").path("content").asText()).isEqualTo("thanks for 42: the music");
        assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
    }

    @Test
    void autocompleteAndTheUserMenu() {
        SimEvents.CreatedInteraction typing = send.forward(user.autocomplete(world.general, world.plain, "pick",
                List.of(), "fruit", "ba", Json.mapper().createArrayNode()));
        JsonNode callback = send.callback(typing);
        assertThat(callback.path("type").asInt()).isEqualTo(8);
        assertThat(callback.path("data").path("choices")).hasSize(25);
        assertThat(world.requests("POST", "/interactions/" + typing.id() + "/").getFirst().status()).isEqualTo(204);
        SimEvents.CreatedInteraction five = send.forward(user.userCommand(world.general, world.plain, "High five",
                world.minemidnight));
        assertThat(send.callback(five).path("data").path("content").asText()).isEqualTo("high five to minemidnight");
    }
}
