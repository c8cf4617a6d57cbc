package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.Http;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.SimApi;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example bot of docs/commands.md, loaded from its jar by both commands workers (COMMANDS_PLUGINS_DIR), used
 * through the simulated Discord as a user would: its slash commands, autocomplete, button, select, modal, user
 * menu and welcome listener, and the error paths (a handler that throws, an embed over the limits, a button no
 * handler claims, an interaction answered after its window).
 */
class ExampleBotIT {

    static Deployment system;
    static SimApi sim;
    static Users users;
    static String general;
    static String alice;
    static String bob;

    @BeforeAll
    static void start() {
        system = SharedSystem.get();
        sim = system.sim();
        users = Users.ofLargeGuild(system, 1_000);
        general = channel("general");
        alice = users.people().get(20).path("user_id").asText();
        bob = users.people().get(21).path("user_id").asText();
    }

    private static String channel(String name) {
        for (JsonNode c : users.guild().path("channels")) {
            if (c.path("name").asText().equals(name) && c.path("type").asInt() == 0) {
                return c.path("id").asText();
            }
        }
        throw new IllegalStateException("no #" + name);
    }

    private static ArrayNode options(String json) {
        return (ArrayNode) Http.parse(json);
    }

    /** The interaction once the bot answered it: {@code callback_type}, {@code response}, {@code choices}... */
    private static JsonNode answered(JsonNode payload) {
        String id = payload.path("id").asText();
        return await("the answer to interaction " + id).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> sim.interaction(id).filter(s -> !s.path("callback_type").isNull()
                        && (s.path("callback_type").asInt() == 8 || s.path("callback_type").asInt() == 9
                                || !s.path("response").isNull() && s.path("response").path("flags").asInt() != 128)),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static String content(JsonNode state) {
        return state.path("response").path("content").asText();
    }

    private static boolean ephemeral(JsonNode state) {
        return (state.path("response").path("flags").asInt() & 64) == 64;
    }

    /** Waits until the bot's message {@code id} reads {@code text}. */
    private static void awaitMessage(String id, String text) {
        await("message " + id + " reads " + text).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> sim.messages(general).stream().anyMatch(m -> m.path("id").asText().equals(id)
                        && m.path("content").asText().equals(text)));
    }

    /** Waits until one of the commands workers logged a line containing every part. */
    private static void awaitWorkerLog(String... parts) {
        await("a commands worker's log line with " + List.of(parts)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Stream.of("commands-1", "commands-2").flatMap(n -> system.process(n).lines().stream())
                        .anyMatch(l -> Stream.of(parts).allMatch(l::contains)));
    }

    @Test
    void slashCommandsWithSubcommandsChoicesAndAutocomplete() {
        assertThat(users.slash(general, alice, "calc", options("""
                [{"type":1,"name":"add","options":[{"type":4,"name":"a","value":2},{"type":4,"name":"b","value":40}]}]""")))
                .isEqualTo("2 + 40 = 42");
        JsonNode typing = answered(sim.autocomplete(general, alice, "color", "name", "a"));
        assertThat(typing.path("callback_type").asInt()).isEqualTo(8);
        assertThat(typing.path("choices").findValuesAsText("value")).containsExactly("amber", "azure");
        JsonNode teal = answered(sim.slash(general, alice, "color", options("""
                [{"type":3,"name":"name","value":"teal"}]""")));
        assertThat(teal.path("response").path("embeds").get(0).path("color").asInt()).isEqualTo(0x008080);
    }

    @Test
    void theCounterButtonKeepsCountingWhicheverWorkerHandlesTheClick() {
        JsonNode posted = answered(sim.slash(general, alice, "counter", null));
        assertThat(content(posted)).isEqualTo("Count: 0");
        String message = posted.path("response").path("id").asText();
        for (int i = 0; i < 6; i++) {
            JsonNode click = answered(sim.click(message, i % 2 == 0 ? alice : bob, "counter:" + i, List.of()));
            assertThat(click.path("callback_type").asInt()).isEqualTo(7);
            awaitMessage(message, "Count: " + (i + 1));
        }
    }

    @Test
    void aChoiceOptionAndASelectMenu() {
        JsonNode posted = answered(sim.slash(general, alice, "coffee", options("""
                [{"type":3,"name":"size","value":"large"}]""")));
        assertThat(content(posted)).isEqualTo("A large coffee. Anything in it?");
        String message = posted.path("response").path("id").asText();
        answered(sim.click(message, alice, "coffee:large", List.of("milk", "cinnamon")));
        awaitMessage(message, "One large coffee with milk and cinnamon, coming up!");
    }

    @Test
    void theFeedbackModalPostsAnEmbed() {
        JsonNode opened = answered(sim.slash(general, bob, "feedback", null));
        assertThat(opened.path("callback_type").asInt()).isEqualTo(9);
        JsonNode submitted = answered(sim.submitModal("feedback", bob, Map.of("subject", "music", "details",
                "More jazz, please.")));
        JsonNode embed = submitted.path("response").path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Feedback: music");
        assertThat(embed.path("description").asText()).isEqualTo("More jazz, please.");
    }

    @Test
    void theUserContextMenu() {
        JsonNode five = answered(sim.userCommand(general, alice, "High five", bob));
        assertThat(content(five)).startsWith("<@" + alice + "> high-fives ").endsWith("!");
    }

    @Test
    void aMemberWhoJoinsIsWelcomedOnce() {
        String user = sim.join(users.guildId(), "newcomer" + System.nanoTime() % 100_000).path("user_id").asText();
        String welcome = "Welcome to the server, <@" + user + ">!";
        await("the welcome").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(welcome) == 1);
        // one worker got the event (DISPATCH goes to one subscriber): no second welcome follows
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> count(welcome) == 1);
    }

    private static long count(String content) {
        return sim.messages(general).stream().filter(m -> m.path("content").asText().equals(content)).count();
    }

    @Test
    void aHandlerThatThrowsAndAnEmbedOverTheLimitsGetEphemeralErrors() {
        JsonNode divide = answered(sim.slash(general, alice, "calc", options("""
                [{"type":1,"name":"divide","options":[{"type":4,"name":"a","value":1},{"type":4,"name":"b","value":0}]}]""")));
        assertThat(content(divide)).isEqualTo("Something went wrong running `calc`. It has been logged.");
        assertThat(ephemeral(divide)).isTrue();
        awaitWorkerLog("interaction:" + divide.path("id").asText(), "the command threw");
        ArrayNode tooLong = Http.JSON.createArrayNode();
        tooLong.addObject().put("type", 3).put("name", "text").put("value", "a".repeat(5000));
        JsonNode announce = answered(sim.slash(general, users.moderator(), "announce", tooLong));
        assertThat(content(announce)).isEqualTo("That announcement is too long: embed description is 5000 characters,"
                + " Discord's limit is 4096.");
        assertThat(ephemeral(announce)).isTrue();
    }

    @Test
    void aButtonNoHandlerClaimsIsNoLongerSupported() {
        // a message an earlier version of the bot posted, with a button whose handler is gone
        ObjectNode old = Http.JSON.createObjectNode().put("content", "Old poll");
        old.putArray("components").addObject().put("type", 1).putArray("components").addObject().put("type", 2)
                .put("style", 1).put("label", "Yes").put("custom_id", "poll:yes");
        String message = sim.postAsBot(general, old).path("id").asText();
        JsonNode click = answered(sim.click(message, alice, "poll:yes", List.of()));
        assertThat(content(click)).isEqualTo("This button is no longer supported.");
        assertThat(ephemeral(click)).isTrue();
        awaitWorkerLog("interaction " + click.path("id").asText(), "no handler for custom ID poll:yes");
    }

    @Test
    void anAnswerAfterTheWindowIsRefusedAndNothingHangs() {
        sim.interactionWindows(1, 900_000);
        String late;
        try {
            late = sim.slash(general, bob, "calc", options("""
                    [{"type":1,"name":"add","options":[{"type":4,"name":"a","value":1},{"type":4,"name":"b","value":1}]}]"""))
                    .path("id").asText();
            // Discord's answer to a callback after the 3 s window: 404, Unknown interaction (10062)
            await("the late callback refused").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> sim.requests("POST", "/interactions/" + late + "/").stream()
                            .anyMatch(r -> r.status() == 404 && r.body() != null));
        } finally {
            sim.interactionWindows(3_000, 900_000);
        }
        assertThat(sim.requests("POST", "/interactions/" + late + "/")).allMatch(r -> r.status() == 404);
        awaitWorkerLog("interaction " + late + ":", "came after Discord's 3 s; the user gets no answer");
        assertThat(users.slash(general, bob, "calc", options("""
                [{"type":1,"name":"add","options":[{"type":4,"name":"a","value":1},{"type":4,"name":"b","value":2}]}]""")))
                .isEqualTo("1 + 2 = 3");
    }
}
