package dev.hubcord.example;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.Locale;

/**
 * Does the sharder's part for the tests: forwards an interaction the simulated Discord created as EXECUTE_COMMAND
 * (Discord's whole interaction in {@code raw}; {@code command} the name for commands and autocomplete, the custom
 * ID for components and modals), and gateway events as DISPATCH, through the world's real hub.
 */
final class Sharder {

    private final World world;

    Sharder(World world) {
        this.world = world;
    }

    SimEvents.CreatedInteraction forward(SimEvents.CreatedInteraction created) {
        ObjectNode raw = created.payload();
        int type = raw.path("type").asInt();
        JsonNode data = raw.path("data");
        String command = type == 3 || type == 5 ? data.path("custom_id").asText()
                : data.path("name").asText().toLowerCase(Locale.ROOT);
        ObjectNode d = world.execute(world.general, world.plain, command, "", null);
        ObjectNode ids = (ObjectNode) d.get("ids");
        ids.putNull("message");
        ids.put("author", raw.path("member").path("user").path("id").asText());
        ids.put("channel", raw.path("channel_id").asText());
        d.set("raw", raw);
        ObjectNode i = d.putObject("interaction");
        i.put("id", raw.path("id").asText());
        i.put("token", raw.path("token").asText());
        i.put("applicationID", raw.path("application_id").asText());
        i.put("type", type);
        d.set("options", data.path("options").isArray() ? data.path("options") : Json.mapper().createArrayNode());
        world.sharder.send("EXECUTE_COMMAND", d);
        return created;
    }

    void dispatch(String t, JsonNode d) {
        ObjectNode event = Json.mapper().createObjectNode().put("shard", 0).put("t", t);
        event.set("d", d);
        world.sharder.send("DISPATCH", event);
    }

    /** The first callback's body, once the worker sent it. */
    JsonNode callback(SimEvents.CreatedInteraction i) {
        return World.json(await().atMost(Duration.ofSeconds(10))
                .until(() -> world.requests("POST", "/interactions/" + i.id() + "/"), l -> !l.isEmpty())
                .getFirst().body());
    }
}
