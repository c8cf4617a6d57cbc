package dev.hubcord.commands.interactions;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.List;

/**
 * Sends interactions of any type to the worker as the sharder does (EXECUTE_COMMAND with the whole interaction in
 * {@code raw}): the simulator registers the interaction (so its id and token are valid for callbacks), the test
 * sets the type and {@code data} Discord would send for a click, a select, a modal submit or an autocomplete.
 */
final class Interactions {

    private final World world;

    Interactions(World world) {
        this.world = world;
    }

    /** An interaction of {@code type} with {@code data}, by the world's plain member in #general. */
    SimEvents.CreatedInteraction send(int type, String name, JsonNode data) {
        SimEvents.CreatedInteraction created = world.sim.control().events().interactionCreate(world.general,
                world.plain, "x", Json.mapper().createArrayNode());
        ObjectNode raw = created.payload().deepCopy();
        raw.put("type", type);
        raw.set("data", data);
        if (type == 3) {
            raw.putObject("message").put("id", "1234567890").put("channel_id", CacheMirror.id(world.general));
        }
        ObjectNode d = world.execute(world.general, world.plain, name, "", null);
        ((ObjectNode) d.get("ids")).putNull("message");
        d.set("raw", raw);
        ObjectNode i = d.putObject("interaction");
        i.put("id", CacheMirror.id(created.id()));
        i.put("token", created.token());
        i.put("applicationID", CacheMirror.id(world.sim.applicationId()));
        i.put("type", type);
        d.set("options", data.path("options").isArray() ? data.path("options") : Json.mapper().createArrayNode());
        world.sharder.send("EXECUTE_COMMAND", d);
        return created;
    }

    /**
     * Forwards an interaction the simulator created (and dispatched) as the sharder does: EXECUTE_COMMAND with the
     * whole interaction in {@code raw}, {@code command} the name or custom ID, and {@code interaction.type}.
     */
    SimEvents.CreatedInteraction forward(SimEvents.CreatedInteraction created) {
        ObjectNode raw = created.payload();
        int type = raw.path("type").asInt();
        JsonNode data = raw.path("data");
        String command = type == 3 || type == 5 ? data.path("custom_id").asText()
                : data.path("name").asText().toLowerCase(java.util.Locale.ROOT);
        ObjectNode d = world.execute(world.general, world.plain, command, "", null);
        ((ObjectNode) d.get("ids")).putNull("message");
        ((ObjectNode) d.get("ids")).put("author", raw.path("member").path("user").path("id").asText());
        ((ObjectNode) d.get("ids")).put("channel", raw.path("channel_id").asText());
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

    /** The first callback's body (waits for it). */
    JsonNode callback(SimEvents.CreatedInteraction i) {
        return World.json(recorded("POST", "/interactions/" + i.id() + "/", 1).getFirst().body());
    }

    List<RestExchange.Recorded> recorded(String method, String pathPart, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> world.requests(method, pathPart),
                l -> l.size() >= count);
    }

    static JsonNode json(String text) {
        return World.json(text);
    }
}
