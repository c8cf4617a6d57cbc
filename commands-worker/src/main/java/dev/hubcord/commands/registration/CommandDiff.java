package dev.hubcord.commands.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must change for Discord's registered commands (one scope: global or one guild) to be the declared ones.
 * Commands are matched by type and name and compared semantically: the fields Discord fills in ({@code id},
 * {@code application_id}, {@code version}, {@code guild_id}, {@code dm_permission}), empty or false values Discord
 * leaves out or adds ({@code options: []}, {@code required: false}, {@code nsfw: false}, null localizations), and
 * {@code contexts}/{@code integration_types} when the declaration leaves them to Discord's defaults do not count.
 *
 * @param create declared, not registered
 * @param edit registered with a difference: Discord's ID and the declared JSON
 * @param delete registered, not declared: Discord's IDs
 */
public record CommandDiff(List<ObjectNode> create, Map<String, ObjectNode> edit, List<String> delete) {

    private static final Set<String> SERVER_FIELDS = Set.of("id", "application_id", "version", "guild_id",
            "dm_permission", "default_permission", "handler");
    private static final Set<String> DEFAULTED_WHEN_UNDECLARED = Set.of("contexts", "integration_types");

    public static CommandDiff of(List<ObjectNode> declared, JsonNode registered) {
        Map<String, JsonNode> remote = new LinkedHashMap<>();
        registered.forEach(c -> remote.put(key(c), c));
        List<ObjectNode> create = new ArrayList<>();
        Map<String, ObjectNode> edit = new LinkedHashMap<>();
        for (ObjectNode local : declared) {
            JsonNode r = remote.remove(key(local));
            if (r == null) {
                create.add(local);
            } else if (!same(local, r)) {
                edit.put(r.path("id").asText(), local);
            }
        }
        List<String> delete = remote.values().stream().map(c -> c.path("id").asText()).toList();
        return new CommandDiff(create, edit, delete);
    }

    public boolean empty() {
        return create.isEmpty() && edit.isEmpty() && delete.isEmpty();
    }

    /** Calls one by one. */
    public int calls() {
        return create.size() + edit.size() + delete.size();
    }

    /** Whether the bulk overwrite (one call) is cheaper than the single calls. */
    public boolean bulkIsCheaper() {
        return calls() > 1;
    }

    static String key(JsonNode c) {
        return c.path("type").asInt(1) + ":" + c.path("name").asText();
    }

    static boolean same(ObjectNode local, JsonNode remote) {
        ObjectNode l = (ObjectNode) canonical(local);
        ObjectNode r = (ObjectNode) canonical(remote);
        l.put("type", local.path("type").asInt(1)); // a chat input command's type may be left out
        r.put("type", remote.path("type").asInt(1));
        for (String f : DEFAULTED_WHEN_UNDECLARED) {
            if (!l.has(f)) {
                r.remove(f);
            }
        }
        return l.equals(r);
    }

    /** A copy without server fields and without empty or default values; numbers as decimals. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Json.mapper().createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                JsonNode v = e.getValue();
                if (SERVER_FIELDS.contains(e.getKey()) || v.isNull() || v.isBoolean() && !v.asBoolean()
                        || v.isContainerNode() && v.isEmpty()) {
                    continue;
                }
                out.set(e.getKey(), canonical(v));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.mapper().createArrayNode();
            node.forEach(v -> out.add(canonical(v)));
            return out;
        }
        if (node.isNumber()) {
            return Json.mapper().getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
