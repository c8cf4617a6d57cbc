package dev.hubcord.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.discord.Nonces;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.SecretCommand;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.discordsim.rest.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once answers from at-least-once delivery: message replies carry a nonce Discord enforces, unsafe requests
 * are not repeated after a timeout, an interaction answered by an earlier run is left alone, and a private answer
 * after an automatic deferral is never visible to others. The worker's REST timeout is 500 ms; the simulator holds
 * back the answers of a route for 1.5 s where a test needs an unknown outcome.
 */
class ExactlyOnceTest {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir, Map.of(), RestConfig.defaults());
        worker = world.startWorker(new MutableClock(), Map.of("REST_TIMEOUT_MS", "500", "REST_RETRIES", "2"));
    }

    @AfterAll
    static void stop() {
        worker.close();
        world.close();
    }

    @BeforeEach
    void reset() {
        world.sim.control().setRestConfig(RestConfig.defaults());
    }

    private static List<SentMessage> repliesTo(String messageId) {
        long id = Long.parseUnsignedLong(messageId);
        return world.sim.control().messages().stream().filter(m -> m.replyTo() == id).toList();
    }

    private static List<SentMessage> answersTo(long interactionId) {
        return world.sim.control().messages().stream().filter(m -> m.interactionId() == interactionId).toList();
    }

    private static List<RestExchange.Recorded> replyRequests(String messageId) {
        return world.requests("POST", "/channels/" + world.general + "/messages").stream()
                .filter(r -> World.json(r.body()).path("message_reference").path("message_id").asText()
                        .equals(messageId)).toList();
    }

    private static SimEvents.CreatedInteraction created(String command) {
        return world.sim.control().events().interactionCreate(world.general, world.plain, command, null);
    }

    /** Sends EXECUTE_COMMAND for an interaction, as the sharder does (or the hub, redelivering it). */
    private static void execute(SimEvents.CreatedInteraction created, String command, boolean redelivered) {
        ObjectNode d = world.execute(world.general, world.plain, command, "", null);
        ((ObjectNode) d.get("ids")).remove("message");
        ObjectNode interaction = d.putObject("interaction");
        interaction.put("id", CacheMirror.id(created.id()));
        interaction.put("token", created.token());
        interaction.put("applicationID", CacheMirror.id(world.sim.applicationId()));
        ArrayNode options = d.putArray("options");
        if (command.equals("echo")) {
            options.addObject().put("name", "text").put("type", 3).put("value", "hi");
        }
        d.put("redelivered", redelivered);
        world.sharder.send("EXECUTE_COMMAND", d);
    }

    private static List<RestExchange.Recorded> webhookPosts(SimEvents.CreatedInteraction created) {
        return world.requests("POST", "/webhooks/" + world.sim.applicationId() + "/" + created.token()).stream()
                .filter(r -> r.method().equals("POST") && !r.path().contains("/messages/")).toList();
    }

    @Test
    void aReplyRepeatedAfterATimeoutIsStillOneMessage() {
        world.sim.control().delayRest("messages", world.general, 1_500, 1);
        String id = world.command(world.general, world.plain, "echo", "answered once");
        List<RestExchange.Recorded> sent = await().atMost(Duration.ofSeconds(10))
                .until(() -> replyRequests(id), l -> l.size() == 2);
        JsonNode first = World.json(sent.get(0).body());
        JsonNode second = World.json(sent.get(1).body());
        assertThat(first.path("nonce").asText()).hasSizeLessThanOrEqualTo(25).isEqualTo(second.path("nonce").asText());
        assertThat(first.path("enforce_nonce").asBoolean()).isTrue();
        assertThat(repliesTo(id)).hasSize(1).first().extracting(SentMessage::content).isEqualTo("answered once");
    }

    @Test
    void aRerunOfACommandWhoseReplyWasPostedButNotJournaledPostsNoSecondOne() {
        // What a worker killed between posting and journaling leaves behind: the reply, with the nonce of reply#0.
        ObjectNode trigger = world.sim.control().events().messageCreate(world.general, world.plain, "!echo again");
        String id = trigger.path("id").asText();
        new DiscordApi(worker.rest()).createMessage(CacheMirror.id(world.general),
                DiscordApi.message("again"), id, Nonces.of("message:" + id, "reply#0"));
        world.sharder.send("EXECUTE_COMMAND", world.execute(world.general, world.plain, "echo", "again", id)
                .put("redelivered", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> replyRequests(id).size() == 2);
        assertThat(replyRequests(id)).allMatch(r -> r.status() == 200);
        assertThat(repliesTo(id)).hasSize(1);
    }

    @Test
    void anInteractionAnsweredByAnEarlierRunIsLeftAlone() {
        SimEvents.CreatedInteraction created = created("echo");
        // The earlier run answered, then died before acknowledging the command.
        DiscordApi discord = new DiscordApi(worker.rest());
        discord.interactionCallback(CacheMirror.id(created.id()), created.token(), 4, DiscordApi.message("hi"));
        execute(created, "echo", true);
        String callback = "/interactions/" + created.id() + "/";
        await().atMost(Duration.ofSeconds(10)).until(() -> world.requests("POST", callback).size() == 2);
        assertThat(world.requests("POST", callback).getLast().status()).isEqualTo(400);
        // No error answer, no retry, no follow-up: the one message stays the only one.
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() ->
                world.requests("POST", callback).size() == 2 && webhookPosts(created).isEmpty());
        assertThat(answersTo(created.id())).hasSize(1);
    }

    @Test
    void anInteractionAnEarlierRunOnlyDeferredIsFilledInByTheRerun() {
        SimEvents.CreatedInteraction created = created("twice");
        // The earlier run deferred (publicly), then died before answering.
        new DiscordApi(worker.rest()).interactionCallback(CacheMirror.id(created.id()), created.token(), 5, null);
        execute(created, "twice", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> answersTo(created.id()).size() == 2);
        List<SentMessage> answers = answersTo(created.id());
        assertThat(answers.getFirst()).satisfies(m -> {
            assertThat(m.content()).isEqualTo("one");
            assertThat(m.loading()).isFalse();
            assertThat(m.kind()).isEqualTo(SentMessage.Kind.INTERACTION_RESPONSE);
        });
        assertThat(answers.getLast().content()).isEqualTo("two");
        assertThat(world.requests("POST", "/interactions/" + created.id() + "/").getLast().status()).isEqualTo(400);
    }

    @Test
    void aFollowUpThatTimedOutIsNotRepeated() {
        world.sim.control().delayRest("webhooks", 1_500, 1);
        SimEvents.CreatedInteraction created = created("twice");
        execute(created, "twice", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> answersTo(created.id()).size() == 2);
        // The follow-up went out once and took effect; the worker saw a timeout and neither repeated it nor
        // answered "I couldn't reach Discord".
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(4)).until(() ->
                webhookPosts(created).size() == 1 && answersTo(created.id()).size() == 2);
        assertThat(answersTo(created.id())).extracting(SentMessage::content).containsExactly("one", "two");
    }

    @Test
    void aPrivateAnswerAfterAnAutomaticPublicDeferralIsNeverPublic() {
        SimEvents.CreatedInteraction created = created("secret");
        execute(created, "secret", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> answersTo(created.id()).stream()
                .anyMatch(m -> m.content().equals(SecretCommand.SECRET)));
        await().atMost(Duration.ofSeconds(5)).until(() -> answersTo(created.id()).getFirst().deleted());
        List<SentMessage> answers = answersTo(created.id());
        SentMessage deferred = answers.getFirst();
        assertThat(deferred.ephemeral()).isFalse();
        assertThat(deferred.content()).doesNotContain(SecretCommand.SECRET);
        assertThat(deferred.history()).noneMatch(c -> c.contains(SecretCommand.SECRET));
        assertThat(answers).filteredOn(m -> m.content().equals(SecretCommand.SECRET))
                .singleElement().satisfies(m -> assertThat(m.ephemeral()).isTrue());
        assertThat(answers).filteredOn(m -> !m.ephemeral())
                .allSatisfy(m -> assertThat(m.content() + m.history()).doesNotContain(SecretCommand.SECRET));
    }

    @Test
    void aCommandDeclaringPrivateRepliesIsDeferredPrivately() {
        SimEvents.CreatedInteraction created = created("whisper");
        execute(created, "whisper", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> answersTo(created.id()).stream()
                .anyMatch(m -> m.content().equals(SecretCommand.SECRET)));
        RestExchange.Recorded deferral = world.requests("POST", "/interactions/" + created.id() + "/").getFirst();
        assertThat(World.json(deferral.body()).path("type").asInt()).isEqualTo(5);
        assertThat(World.json(deferral.body()).path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(answersTo(created.id())).singleElement().satisfies(m -> {
            assertThat(m.ephemeral()).isTrue();
            assertThat(m.loading()).isFalse();
        });
    }
}
