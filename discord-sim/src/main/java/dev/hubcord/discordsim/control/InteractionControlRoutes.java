package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.rest.Interactions;
import dev.hubcord.discordsim.rest.RestExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control routes under {@code /_sim/interactions/}: a user using a context menu, typing into an autocompleted
 * option, clicking a component, submitting a modal (each answering the INTERACTION_CREATE {@code d}), and
 * {@code GET /_sim/interactions/{id}}: what the bot answered.
 */
final class InteractionControlRoutes {

    private final SimControl control;

    InteractionControlRoutes(SimControl control) {
        this.control = control;
    }

    /** Answers {@code method /_sim/interactions/{sub}}; null when no route fits. */
    RestExchange.Response route(String method, String sub, JsonNode body) {
        InteractionEvents events = control.interactions();
        if (method.equals("GET")) {
            long id = ControlRoutes.id(Json.obj().put("id", sub), "id");
            return control.interaction(id).map(s -> RestExchange.Response.json(200, view(s)))
                    .orElseGet(() -> RestExchange.Response.error(404, 10062, "Unknown interaction"));
        }
        if (!method.equals("POST")) {
            return null;
        }
        SimEvents.CreatedInteraction created = switch (sub) {
            case "context" -> {
                int type = body.path("type").asInt(0);
                long channel = ControlRoutes.id(body, "channel_id");
                long user = ControlRoutes.id(body, "user_id");
                String name = text(body, "name");
                long target = ControlRoutes.id(body, "target_id");
                if (type == 2) {
                    yield events.userCommand(channel, user, name, target);
                }
                if (type == 3) {
                    yield events.messageCommand(channel, user, name, target);
                }
                throw new SimException(SimException.Kind.BAD_REQUEST, "type must be 2 (user) or 3 (message)");
            }
            case "autocomplete" -> events.autocomplete(ControlRoutes.id(body, "channel_id"),
                    ControlRoutes.id(body, "user_id"), text(body, "name"), strings(body.path("path")),
                    text(body, "option"), body.path("value").asText(""), body.get("options"));
            case "component" -> events.component(ControlRoutes.id(body, "message_id"),
                    ControlRoutes.id(body, "user_id"), text(body, "custom_id"), strings(body.path("values")));
            case "modal" -> {
                Map<String, JsonNode> values = new LinkedHashMap<>();
                body.path("values").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
                yield events.modalSubmit(text(body, "custom_id"), body.has("user_id")
                        ? ControlRoutes.id(body, "user_id") : 0, values);
            }
            default -> null;
        };
        return created == null ? null : RestExchange.Response.json(200, created.payload());
    }

    /** {@code GET /_sim/interactions/{id}}: the interaction and the bot's answer so far. */
    static ObjectNode view(Interactions.State s) {
        ObjectNode o = Json.obj();
        o.put("id", Json.id(s.id()));
        o.put("type", s.kind().type());
        o.put("command_type", s.kind().commandType() == 0 ? null : s.kind().commandType());
        o.put("name", s.kind().name());
        o.put("message_id", s.kind().messageId() == 0 ? null : Json.id(s.kind().messageId()));
        o.put("guild_id", Json.id(s.guildId()));
        o.put("channel_id", Json.id(s.channelId()));
        o.put("user_id", Json.id(s.userId()));
        o.put("callback_type", s.callbackType() == 0 ? null : s.callbackType());
        o.set("response", s.response());
        o.set("choices", s.choices());
        o.set("modal", s.modal());
        o.put("modal_open", s.modalOpen());
        return o;
    }

    private static String text(JsonNode body, String field) {
        String v = body.path(field).textValue();
        if (v == null || v.isEmpty()) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "missing " + field);
        }
        return v;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
