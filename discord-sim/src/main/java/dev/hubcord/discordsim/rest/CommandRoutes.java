package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Application command registration: list, create (upsert by name and type), bulk overwrite, get, edit and delete,
 * globally ({@code /applications/{application_id}/commands}) and per guild
 * ({@code /applications/{application_id}/guilds/{guild_id}/commands}). Registration dispatches nothing, as on Discord.
 * Another application's id is 403/50001 Missing Access, as is a guild the bot is not in.
 */
final class CommandRoutes {

    private final RestContext ctx;
    private final ApplicationCommands commands;

    CommandRoutes(RestContext ctx, ApplicationCommands commands) {
        this.ctx = ctx;
        this.commands = commands;
    }

    /** The scope a request addresses (0 = global), or the error that refuses it. */
    private record Scope(long guildId, RestExchange.Response error) {}

    private Scope scope(Map<String, String> params) {
        if (Rest.snowflake(params.get("application_id")) != ctx.applicationId()) {
            return new Scope(0, RestExchange.Response.error(403, 50001, "Missing Access"));
        }
        String guild = params.get("guild_id");
        if (guild == null) {
            return new Scope(0, null);
        }
        long guildId = Rest.snowflake(guild);
        if (guildId <= 0 || ctx.population().guild(guildId).isEmpty()) {
            return new Scope(0, RestExchange.Response.error(403, 50001, "Missing Access"));
        }
        return new Scope(guildId, null);
    }

    RestExchange.Response list(RestExchange.Request request, Map<String, String> params) {
        Scope s = scope(params);
        if (s.error() != null) {
            return s.error();
        }
        ArrayNode out = Json.arr();
        commands.list(s.guildId()).forEach(out::add);
        return RestExchange.Response.json(200, out);
    }

    RestExchange.Response create(RestExchange.Request request, Map<String, String> params) {
        Scope s = scope(params);
        if (s.error() != null) {
            return s.error();
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        RestExchange.Response invalid = CommandValidation.check(body, List.of());
        if (invalid != null) {
            return invalid;
        }
        return commands.upsert(s.guildId(), body)
                .map(u -> RestExchange.Response.json(u.created() ? 201 : 200, u.command()))
                .orElseGet(() -> tooMany(CommandValidation.type(body)));
    }

    RestExchange.Response overwrite(RestExchange.Request request, Map<String, String> params) {
        Scope s = scope(params);
        if (s.error() != null) {
            return s.error();
        }
        JsonNode array = request.body() == null ? null : Json.parseOrNull(request.body());
        if (array == null || !array.isArray()) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        List<JsonNode> bodies = ApplicationCommands.copy(array);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode body = bodies.get(i);
            if (!body.isObject()) {
                return CommandValidation.invalid(List.of(Integer.toString(i)), null, "DICT_TYPE_CONVERT",
                        "Only dictionaries may be used in a DictType");
            }
            RestExchange.Response invalid = CommandValidation.check(body, List.of(Integer.toString(i)));
            if (invalid != null) {
                return invalid;
            }
            if (!keys.add(CommandValidation.type(body) + "/" + body.path("name").asText())) {
                return CommandValidation.invalid(List.of(Integer.toString(i)), "name",
                        "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }
        }
        for (int type = 1; type <= 3; type++) {
            if (ApplicationCommands.count(bodies, type) > ApplicationCommands.LIMITS[type]) {
                return tooMany(type);
            }
        }
        ArrayNode out = Json.arr();
        commands.overwrite(s.guildId(), bodies).forEach(out::add);
        return RestExchange.Response.json(200, out);
    }

    RestExchange.Response get(RestExchange.Request request, Map<String, String> params) {
        Scope s = scope(params);
        if (s.error() != null) {
            return s.error();
        }
        return known(commands.get(s.guildId(), Rest.snowflake(params.get("command_id"))));
    }

    RestExchange.Response edit(RestExchange.Request request, Map<String, String> params) {
        Scope s = scope(params);
        if (s.error() != null) {
            return s.error();
        }
        long commandId = Rest.snowflake(params.get("command_id"));
        Optional<ObjectNode> existing = commands.get(s.guildId(), commandId);
        if (existing.isEmpty()) {
            return unknown();
        }
        JsonNode patch = RestContext.body(request);
        if (patch == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        ObjectNode merged = existing.get();
        int type = merged.path("type").asInt();
        patch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        merged.put("type", type); // the type of a command cannot change
        RestExchange.Response invalid = CommandValidation.check(merged, List.of());
        if (invalid != null) {
            return invalid;
        }
        String name = merged.path("name").asText();
        boolean clash = commands.list(s.guildId()).stream().anyMatch(c -> c.path("name").asText().equals(name)
                && c.path("type").asInt() == merged.path("type").asInt()
                && Rest.snowflake(c.path("id").asText()) != commandId);
        if (clash) {
            return CommandValidation.invalid(List.of(), "name", "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    "Application command names must be unique");
        }
        return known(commands.patch(s.guildId(), commandId, merged));
    }

    RestExchange.Response delete(RestExchange.Request request, Map<String, String> params) {
        Scope s = scope(params);
        if (s.error() != null) {
            return s.error();
        }
        return commands.delete(s.guildId(), Rest.snowflake(params.get("command_id")))
                ? RestExchange.Response.noContent() : unknown();
    }

    private static RestExchange.Response known(Optional<? extends JsonNode> command) {
        return command.<RestExchange.Response>map(c -> RestExchange.Response.json(200, c)).orElseGet(
                CommandRoutes::unknown);
    }

    private static RestExchange.Response unknown() {
        return RestExchange.Response.error(404, 10063, "Unknown application command");
    }

    private static RestExchange.Response tooMany(int type) {
        return RestExchange.Response.error(400, 30032, "Maximum number of application commands reached ("
                + ApplicationCommands.LIMITS[type] + ")");
    }
}
