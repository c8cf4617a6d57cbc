package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The application's registered commands, in memory: one scope for the global commands (key 0) and one per guild.
 * Bounded as Discord bounds them: per scope at most 100 chat-input, 5 user and 5 message commands (more is refused
 * with 30032, nothing evicted); guild scopes exist only for guilds of the population (the routes check that), so the
 * number of scopes is bounded by the population. Commands are kept in creation order, as Discord lists them.
 */
public final class ApplicationCommands {

    /** Per scope and type (index 1 chat input, 2 user, 3 message): Discord's limits. */
    static final int[] LIMITS = {0, 100, 5, 5};

    private final long applicationId;
    private final LongSupplier ids;
    private final Map<Long, LinkedHashMap<Long, ObjectNode>> scopes = new HashMap<>();

    ApplicationCommands(long applicationId, LongSupplier ids) {
        this.applicationId = applicationId;
        this.ids = ids;
    }

    /** The commands of a scope (0 = global), copies, in creation order. */
    public synchronized List<ObjectNode> list(long guildId) {
        return scope(guildId).values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<ObjectNode> get(long guildId, long commandId) {
        return Optional.ofNullable(scope(guildId).get(commandId)).map(ObjectNode::deepCopy);
    }

    /**
     * The id of the chat-input command {@code name} a user would run in {@code guildId}: the guild's own first, then
     * the global one; empty when none is registered.
     */
    public synchronized OptionalLong idFor(long guildId, String name) {
        for (long scope : new long[] {guildId, 0}) {
            for (ObjectNode c : scope(scope).values()) {
                if (c.path("type").asInt() == 1 && c.path("name").asText().equals(name)) {
                    return OptionalLong.of(Long.parseUnsignedLong(c.path("id").asText()));
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The command of this name and type a user would run in {@code guildId} (the guild's own first, then the global
     * one), a copy; empty when none is registered.
     */
    public synchronized Optional<ObjectNode> find(long guildId, String name, int type) {
        for (long scope : new long[] {guildId, 0}) {
            for (ObjectNode c : scope(scope).values()) {
                if (c.path("type").asInt() == type && c.path("name").asText().equals(name)) {
                    return Optional.of(c.deepCopy());
                }
            }
        }
        return Optional.empty();
    }

    /** The outcome of a create: the command and whether it is new (201) or replaced one of that name and type (200). */
    record Upserted(ObjectNode command, boolean created) {}

    /** Creates or updates by name and type; empty when the scope already holds the maximum of that type. */
    synchronized Optional<Upserted> upsert(long guildId, JsonNode body) {
        Map<Long, ObjectNode> scope = scope(guildId);
        ObjectNode existing = find(scope.values(), body);
        int type = CommandValidation.type(body);
        if (existing == null && count(scope.values(), type) >= LIMITS[type]) {
            return Optional.empty();
        }
        long id = existing == null ? ids.getAsLong() : Long.parseUnsignedLong(existing.path("id").asText());
        ObjectNode command = build(id, guildId, body);
        scope.put(id, command);
        return Optional.of(new Upserted(command.deepCopy(), existing == null));
    }

    /** Replaces the fields given in {@code patch} and bumps the version; empty when the command is unknown. */
    synchronized Optional<ObjectNode> patch(long guildId, long commandId, JsonNode patch) {
        ObjectNode existing = scope(guildId).get(commandId);
        if (existing == null) {
            return Optional.empty();
        }
        ObjectNode merged = existing.deepCopy();
        patch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        ObjectNode command = build(commandId, guildId, merged);
        scope(guildId).put(commandId, command);
        return Optional.of(command.deepCopy());
    }

    synchronized boolean delete(long guildId, long commandId) {
        return scope(guildId).remove(commandId) != null;
    }

    /**
     * Bulk overwrite: the scope becomes exactly {@code bodies} (already validated and within the limits); a command
     * whose name and type match an existing one keeps its id, the others are deleted.
     */
    synchronized List<ObjectNode> overwrite(long guildId, List<JsonNode> bodies) {
        Map<Long, ObjectNode> scope = scope(guildId);
        LinkedHashMap<Long, ObjectNode> next = new LinkedHashMap<>();
        for (JsonNode body : bodies) {
            ObjectNode existing = find(scope.values(), body);
            long id = existing == null ? ids.getAsLong() : Long.parseUnsignedLong(existing.path("id").asText());
            next.put(id, build(id, guildId, body));
        }
        scopes.put(guildId, next);
        return next.values().stream().map(ObjectNode::deepCopy).toList();
    }

    static int count(Iterable<? extends JsonNode> commands, int type) {
        int n = 0;
        for (JsonNode c : commands) {
            n += CommandValidation.type(c) == type ? 1 : 0;
        }
        return n;
    }

    private static ObjectNode find(Iterable<ObjectNode> commands, JsonNode body) {
        for (ObjectNode c : commands) {
            if (c.path("name").asText().equals(body.path("name").asText())
                    && c.path("type").asInt() == CommandValidation.type(body)) {
                return c;
            }
        }
        return null;
    }

    private LinkedHashMap<Long, ObjectNode> scope(long guildId) {
        return scopes.computeIfAbsent(guildId, g -> new LinkedHashMap<>());
    }

    /** The command object as Discord returns it; every registration or update gets a new {@code version}. */
    private ObjectNode build(long id, long guildId, JsonNode body) {
        int type = CommandValidation.type(body);
        ObjectNode c = Json.obj();
        c.put("id", Json.id(id));
        c.put("application_id", Json.id(applicationId));
        c.put("version", Json.id(ids.getAsLong()));
        c.put("default_member_permissions", permissions(body.path("default_member_permissions")));
        c.put("type", type);
        c.put("name", body.path("name").asText());
        c.set("name_localizations", orNull(body.path("name_localizations")));
        c.put("description", body.path("description").asText(""));
        c.set("description_localizations", orNull(body.path("description_localizations")));
        if (guildId != 0) {
            c.put("guild_id", Json.id(guildId));
        } else {
            c.put("dm_permission", body.path("dm_permission").asBoolean(true));
        }
        c.set("options", body.path("options").isArray() ? body.path("options").deepCopy() : Json.arr());
        c.put("nsfw", body.path("nsfw").asBoolean(false));
        c.set("contexts", orNull(body.path("contexts")));
        c.set("integration_types", body.path("integration_types").isArray()
                ? body.path("integration_types").deepCopy() : Json.arr().add(0));
        return c;
    }

    /** Discord answers the permission bit set as a string, null when unset. */
    private static String permissions(JsonNode p) {
        return p.isMissingNode() || p.isNull() ? null : p.asText();
    }

    private static JsonNode orNull(JsonNode n) {
        return n.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n.deepCopy();
    }


    /** The elements of a JSON array as a list (a bulk overwrite's body). */
    static List<JsonNode> copy(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
