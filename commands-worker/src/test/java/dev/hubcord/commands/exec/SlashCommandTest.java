package dev.hubcord.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.protocol.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slash commands: answered within Discord's 3-second window, or deferred and then filled in. */
class SlashCommandTest {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir, Map.of(), RestConfig.defaults());
        worker = world.startWorker(new MutableClock());
    }

    @AfterAll
    static void stop() {
        worker.close();
        world.close();
    }

    private SimEvents.CreatedInteraction invoke(String command, ArrayNode options) {
        SimEvents.CreatedInteraction created = world.sim.control().events().interactionCreate(world.general,
                world.plain, command, options);
        ObjectNode d = world.execute(world.general, world.plain, command, "", null);
        ((ObjectNode) d.get("ids")).remove("message");
        ObjectNode interaction = d.putObject("interaction");
        interaction.put("id", CacheMirror.id(created.id()));
        interaction.put("token", created.token());
        interaction.put("applicationID", CacheMirror.id(world.sim.applicationId()));
        d.set("options", options);
        world.sharder.send("EXECUTE_COMMAND", d);
        return created;
    }

    private static ArrayNode option(String name, int type, String value) {
        ArrayNode options = Json.mapper().createArrayNode();
        ObjectNode o = options.addObject();
        o.put("name", name);
        o.put("type", type);
        o.put("value", value);
        return options;
    }

    private List<RestExchange.Recorded> recorded(String method, String pathPart, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> world.requests(method, pathPart), l -> l.size() >= count);
    }

    @Test
    void aQuickCommandIsAnsweredWithinTheWindow() {
        SimEvents.CreatedInteraction i = invoke("echo", option("text", 3, "hi from a slash command"));
        RestExchange.Recorded callback = recorded("POST", "/interactions/" + i.id() + "/", 1).getFirst();
        assertThat(callback.status()).isEqualTo(204);
        JsonNode body = World.json(callback.body());
        assertThat(body.path("type").asInt()).isEqualTo(4);
        assertThat(body.path("data").path("content").asText()).isEqualTo("hi from a slash command");
        assertThat(callback.header("authorization")).isNull(); // the token is the credential
    }

    @Test
    void aSlowCommandIsDeferredThenFilledIn() {
        SimEvents.CreatedInteraction i = invoke("slow", Json.mapper().createArrayNode());
        RestExchange.Recorded callback = recorded("POST", "/interactions/" + i.id() + "/", 1).getFirst();
        assertThat(callback.status()).isEqualTo(204);
        assertThat(World.json(callback.body()).path("type").asInt()).isEqualTo(5);
        RestExchange.Recorded edit = recorded("PATCH", "/webhooks/" + world.sim.applicationId() + "/" + i.token()
                + "/messages/@original", 1).getFirst();
        assertThat(edit.status()).isEqualTo(200);
        assertThat(World.json(edit.body()).path("content").asText()).isEqualTo("finally done");
        assertThat(edit.atMillis() - callback.atMillis()).isGreaterThan(1_000);
    }

    @Test
    void optionsAreTypedLikePrefixArgumentsAndErrorsArePrivate() {
        SimEvents.CreatedInteraction i = invoke("userinfo", option("member", 6, CacheMirror.id(world.minemidnight)));
        JsonNode ok = World.json(recorded("POST", "/interactions/" + i.id() + "/", 1).getFirst().body());
        assertThat(ok.path("data").path("content").asText()).startsWith("**minemidnight#0001**");

        SimEvents.CreatedInteraction bad = invoke("ban", option("user", 6, CacheMirror.id(world.minemidnight)));
        JsonNode refused = World.json(recorded("POST", "/interactions/" + bad.id() + "/", 1).getFirst().body());
        assertThat(refused.path("data").path("content").asText())
                .isEqualTo("You need the **Ban Members** permission to use `ban`.");
        assertThat(refused.path("data").path("flags").asInt()).isEqualTo(64);
    }
}
