package dev.hubcord.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.InteractionEvents;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.SentMessage;
import dev.hubcord.protocol.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example bot in a real commands worker (found on the classpath by ServiceLoader, as from a plugins jar),
 * against the simulated Discord's own interaction payloads and callback validation and a real hub: every kind of
 * interaction it declares, its listener, and its error paths.
 */
class ExampleBotTest {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;
    static Sharder sharder;
    static InteractionEvents user;

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir);
        worker = world.startWorker(new MutableClock());
        sharder = new Sharder(world);
        user = world.sim.control().interactions();
    }

    @AfterAll
    static void stop() {
        worker.close();
        world.close();
    }

    private static ArrayNode options(String json) {
        return (ArrayNode) World.json(json);
    }

    private static SimEvents.CreatedInteraction slash(String name, String optionsJson) {
        return sharder.forward(user.chatInput(world.general, world.plain, name, options(optionsJson)));
    }

    private static SentMessage message(String content) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .filter(m -> m.content().equals(content) && !m.deleted()).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void theModuleIsLoadedWithItsCommandsHandlersAndListener() {
        for (String name : List.of("calc", "coffee", "color", "counter", "feedback", "announce")) {
            assertThat(worker.registry().find(name)).as(name).isPresent();
        }
        for (String handler : List.of("counter", "coffee", "feedback")) {
            assertThat(worker.registry().component(handler)).as(handler).isPresent();
        }
        assertThat(worker.events().subscriptions()).contains("GUILD_MEMBER_ADD");
    }

    @Test
    void subcommandsTakeTypedOptions() {
        JsonNode add = sharder.callback(slash("calc", """
                [{"type":1,"name":"add","options":[{"type":4,"name":"a","value":2},{"type":4,"name":"b","value":40}]}]"""));
        assertThat(add.path("data").path("content").asText()).isEqualTo("2 + 40 = 42");
    }

    @Test
    void aHandlerThatThrowsGetsAnEphemeralError() {
        JsonNode divide = sharder.callback(slash("calc", """
                [{"type":1,"name":"divide","options":[{"type":4,"name":"a","value":1},{"type":4,"name":"b","value":0}]}]"""));
        assertThat(divide.path("data").path("content").asText()).startsWith("Something went wrong running `calc`");
        assertThat(divide.path("data").path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void theCounterButtonKeepsItsCountInTheCustomId() {
        slash("counter", "[]");
        SentMessage posted = message("Count: 0");
        JsonNode first = sharder.callback(sharder.forward(user.component(posted.id(), world.plain, "counter:0",
                List.of())));
        assertThat(first.path("type").asInt()).isEqualTo(7);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .anyMatch(m -> m.id() == posted.id() && m.content().equals("Count: 1")));
        // the updated message carries the next state: the old button is gone, the new one counts on
        JsonNode second = sharder.callback(sharder.forward(user.component(posted.id(), world.moderator, "counter:1",
                List.of())));
        assertThat(second.path("data").path("content").asText()).isEqualTo("Count: 2");
    }

    @Test
    void choicesAndASelectMenu() {
        slash("coffee", """
                [{"type":3,"name":"size","value":"large"}]""");
        SentMessage posted = message("A large coffee. Anything in it?");
        JsonNode choice = sharder.callback(sharder.forward(user.component(posted.id(), world.plain, "coffee:large",
                List.of("milk", "sugar"))));
        assertThat(choice.path("data").path("content").asText())
                .isEqualTo("One large coffee with milk and sugar, coming up!");
        JsonNode refused = sharder.callback(slash("coffee", """
                [{"type":3,"name":"size","value":"bucket"}]"""));
        assertThat(refused.path("data").path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void autocompleteSuggestsFromThePalette() {
        JsonNode typing = sharder.callback(sharder.forward(user.autocomplete(world.general, world.plain, "color",
                List.of(), "name", "a", Json.mapper().createArrayNode())));
        assertThat(typing.path("type").asInt()).isEqualTo(8);
        assertThat(typing.path("data").path("choices").findValuesAsText("value")).containsExactly("amber", "azure");
        JsonNode shown = sharder.callback(slash("color", """
                [{"type":3,"name":"name","value":"teal"}]"""));
        assertThat(shown.path("data").path("embeds").get(0).path("color").asInt()).isEqualTo(0x008080);
    }

    @Test
    void theFeedbackModalPostsAnEmbed() {
        JsonNode opened = sharder.callback(slash("feedback", "[]"));
        assertThat(opened.path("type").asInt()).isEqualTo(9);
        JsonNode posted = sharder.callback(sharder.forward(user.modalSubmit("feedback", world.plain, Map.of(
                "subject", TextNode.valueOf("music"), "details", TextNode.valueOf("More jazz, please.")))));
        JsonNode embed = posted.path("data").path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Feedback: music");
        assertThat(embed.path("description").asText()).isEqualTo("More jazz, please.");
        assertThat(embed.path("fields").get(0).path("value").asText()).isEqualTo("<@" + world.plain + ">");
    }

    @Test
    void anEmbedOverTheLimitsGetsAClearError() {
        String text = "a".repeat(5000);
        JsonNode tooLong = sharder.callback(sharder.forward(user.chatInput(world.general, world.owner, "announce",
                options("[{\"type\":3,\"name\":\"text\",\"value\":\"" + text + "\"}]"))));
        assertThat(tooLong.path("data").path("content").asText()).isEqualTo("That announcement is too long: embed"
                + " description is 5000 characters, Discord's limit is 4096.");
        assertThat(tooLong.path("data").path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void theUserMenuHighFivesItsTarget() {
        JsonNode five = sharder.callback(sharder.forward(user.userCommand(world.general, world.plain, "High five",
                world.minemidnight)));
        assertThat(five.path("data").path("content").asText())
                .isEqualTo("<@" + world.plain + "> high-fives minemidnight!");
    }

    @Test
    void anUnknownCustomIdIsNoLongerSupported() {
        SimEvents.CreatedInteraction created = user.chatInput(world.general, world.plain, "counter",
                Json.mapper().createArrayNode());
        // a click on a button an earlier version of the bot posted: the sharder forwards its custom ID as is
        created.payload().put("type", 3);
        created.payload().putObject("data").put("custom_id", "poll:yes").put("component_type", 2);
        created.payload().putObject("message").put("id", "1234567890")
                .put("channel_id", CacheMirror.id(world.general));
        JsonNode answer = sharder.callback(sharder.forward(created));
        assertThat(answer.path("data").path("content").asText()).isEqualTo("This button is no longer supported.");
        assertThat(answer.path("data").path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void aNewMemberIsWelcomedInGeneral() {
        sharder.dispatch("GUILD_MEMBER_ADD", World.json("""
                {"guild_id":"%d","user":{"id":"4242","username":"newbie"},"roles":[],"joined_at":"2026-01-01T00:00:00Z"}"""
                .formatted(world.guild.id())));
        SentMessage welcome = message("Welcome to the server, <@4242>!");
        assertThat(welcome.channelId()).isEqualTo(world.general);
    }
}
