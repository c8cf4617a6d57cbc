package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.gateway.GatewayControl;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.Snowflakes;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.discordsim.rest.SentMessage;
import java.util.function.Function;

/**
 * The control API over HTTP, under {@code /_sim/}: the same operations as {@link SimControl}, for tests in other
 * processes and for poking a standalone simulator with curl. Errors come back as JSON with status 400 or 404.
 */
public final class ControlRoutes implements Function<RestExchange.Request, RestExchange.Response> {

    private final SimControl control;
    private final Population population;
    private final VoiceRoutes voice;
    private final InteractionControlRoutes interactions;

    public ControlRoutes(SimControl control, Population population) {
        this.control = control;
        this.population = population;
        this.voice = new VoiceRoutes(control.voice());
        this.interactions = new InteractionControlRoutes(control);
    }

    @Override
    public RestExchange.Response apply(RestExchange.Request r) {
        try {
            return route(r, r.path().substring("/_sim/".length()).split("/"));
        } catch (SimException e) {
            int status = e.kind() == SimException.Kind.NOT_FOUND ? 404 : 400;
            return RestExchange.Response.error(status, 0, e.getMessage());
        } catch (NumberFormatException e) {
            return RestExchange.Response.error(400, 0, "bad number: " + e.getMessage());
        }
    }

    private RestExchange.Response route(RestExchange.Request r, String[] p) {
        String m = r.method();
        GatewayControl gw = control.gateway();
        String head = p[0];
        if (head.equals("voice")) {
            RestExchange.Response answer = voice.route(m, p, m.equals("POST") ? body(r) : Json.obj());
            return answer != null ? answer : notFound();
        }
        if (head.equals("interactions") && p.length == 2) {
            RestExchange.Response answer = interactions.route(m, p[1], m.equals("POST") ? body(r) : Json.obj());
            return answer != null ? answer : notFound();
        }
        if (m.equals("GET") && p.length == 1) {
            return switch (head) {
                case "health" -> ok(Json.obj().put("status", "ok"));
                case "connections" -> ok(Json.MAPPER.valueToTree(gw.connections()));
                case "sessions" -> ok(Json.MAPPER.valueToTree(gw.sessionIds()));
                case "identifies" -> ok(Json.MAPPER.valueToTree(r.queryParam("shard") == null ? gw.identifies()
                        : gw.identifies(Integer.parseInt(r.queryParam("shard")))));
                case "received" -> ok(Json.MAPPER.valueToTree(r.queryParam("connection") != null
                        ? gw.received(Long.parseLong(r.queryParam("connection")))
                        : gw.receivedByShard(Integer.parseInt(require(r.queryParam("shard"), "shard")))));
                case "guilds" -> ok(guilds(r.queryParam("shards")));
                case "messages" -> ok(messages(r.queryParam("channel_id")));
                default -> notFound();
            };
        }
        if (m.equals("GET") && p.length == 2 && head.equals("guilds")) {
            long id = Json.snowflake(com.fasterxml.jackson.databind.node.TextNode.valueOf(p[1]));
            return population.guild(id)
                    .map(g -> ok(GuildView.of(population, g, r.queryParam("members") == null ? Integer.MAX_VALUE
                            : Integer.parseInt(r.queryParam("members")))))
                    .orElseGet(() -> RestExchange.Response.error(404, 10004, "Unknown Guild"));
        }
        if (m.equals("POST") && p.length == 3 && head.equals("guilds") && p[2].equals("members")) {
            return ok(join(Json.snowflake(com.fasterxml.jackson.databind.node.TextNode.valueOf(p[1])), body(r)));
        }
        if (m.equals("POST") && p.length == 3 && (head.equals("connections") || head.equals("shards"))) {
            return ok(Json.obj().put("affected", connectionAction(r, head.equals("shards"), p[1], p[2])));
        }
        if (m.equals("POST") && p.length == 1) {
            JsonNode body = body(r);
            return switch (head) {
                case "dispatch" -> ok(Json.obj().put("delivered", dispatch(body)));
                case "messages" -> ok(control.events().messageCreate(id(body, "channel_id"), id(body, "author_id"),
                        body.path("content").asText(""), body.hasNonNull("nonce") ? body.get("nonce").asText()
                                : null));
                case "interactions" -> {
                    SimEvents.CreatedInteraction i = control.events().interactionCreate(id(body, "channel_id"),
                            id(body, "user_id"), require(body.path("name").textValue(), "name"), body.get("options"));
                    yield ok(i.payload());
                }
                case "reconnect-before-hello" -> {
                    gw.reconnectBeforeHello(Integer.parseInt(require(r.queryParam("count"), "count")));
                    yield ok(Json.obj());
                }
                default -> notFound();
            };
        }
        if (head.equals("rest") && p.length >= 2) {
            return restRoute(r, m, p);
        }
        if (head.equals("messages") && p.length == 1 && m.equals("DELETE")) {
            control.clearMessages();
            return RestExchange.Response.noContent();
        }
        return notFound();
    }

    private RestExchange.Response restRoute(RestExchange.Request r, String m, String[] p) {
        if (p[1].equals("requests") && m.equals("GET")) {
            return ok(Json.MAPPER.valueToTree(control.restRequests()));
        }
        if (p[1].equals("requests") && m.equals("DELETE")) {
            control.clearRestRequests();
            return RestExchange.Response.noContent();
        }
        JsonNode body = body(r);
        if (p[1].equals("global") && m.equals("POST")) {
            control.setRestConfig(control.restConfig().withGlobal(body.path("limit").asInt(50),
                    body.path("window_ms").asLong(1000)));
            return ok(Json.MAPPER.valueToTree(control.restConfig()));
        }
        if (p[1].equals("interactions") && m.equals("POST")) {
            control.setRestConfig(control.restConfig().withInteractionTimes(body.path("deadline_ms").asLong(3000),
                    body.path("token_ttl_ms").asLong(900_000)));
            return ok(Json.MAPPER.valueToTree(control.restConfig()));
        }
        if (p[1].equals("delays") && p.length == 3 && m.equals("POST")) {
            long in = body.has("id") ? id(body, "id") : 0;
            control.delayRest(p[2], in, body.path("delay_ms").asLong(0), body.path("count").asInt(1));
            return RestExchange.Response.noContent();
        }
        if (p[1].equals("buckets") && p.length == 3 && m.equals("POST")) {
            control.setRestConfig(control.restConfig().withBucket(p[2], new RestConfig.BucketLimit(
                    body.path("limit").asInt(5), body.path("window_ms").asLong(5000),
                    body.path("shared").asBoolean(false))));
            return ok(Json.MAPPER.valueToTree(control.restConfig()));
        }
        return notFound();
    }

    private int connectionAction(RestExchange.Request r, boolean shard, String target, String action) {
        GatewayControl gw = control.gateway();
        long id = Long.parseLong(target);
        int code = r.queryParam("code") == null ? 4000 : Integer.parseInt(r.queryParam("code"));
        boolean resumable = Boolean.parseBoolean(r.queryParam("resumable"));
        if (shard) {
            int s = (int) id;
            return switch (action) {
                case "close" -> gw.closeShard(s, code);
                case "drop" -> gw.dropShard(s);
                case "reconnect" -> gw.reconnectShard(s);
                case "invalidate" -> gw.invalidateShard(s, resumable);
                case "heartbeat" -> gw.requestHeartbeatShard(s);
                default -> throw new SimException(SimException.Kind.NOT_FOUND, "unknown action " + action);
            };
        }
        switch (action) {
            case "close" -> gw.close(id, code);
            case "drop" -> gw.drop(id);
            case "reconnect" -> gw.reconnect(id);
            case "invalidate" -> gw.invalidateSession(id, resumable);
            case "heartbeat" -> gw.requestHeartbeat(id);
            default -> throw new SimException(SimException.Kind.NOT_FOUND, "unknown action " + action);
        }
        return 1;
    }

    private int dispatch(JsonNode body) {
        String type = require(body.path("t").textValue(), "t");
        JsonNode d = body.path("d");
        if (body.has("guild_id")) {
            return control.dispatchToGuild(id(body, "guild_id"), type, d);
        }
        if (body.has("shard")) {
            return control.dispatchToShard(body.path("shard").asInt(), type, d);
        }
        return control.dispatchWithoutGuild(type, d);
    }

    /** The message record in snake_case with string snowflakes, optionally of one channel. */
    private ArrayNode messages(String channel) {
        long only = channel == null ? 0 : Long.parseUnsignedLong(channel);
        ArrayNode list = Json.arr();
        for (SentMessage sm : control.messages()) {
            if (only != 0 && sm.channelId() != only) {
                continue;
            }
            ObjectNode o = list.addObject();
            o.put("id", Json.id(sm.id()));
            o.put("channel_id", Json.id(sm.channelId()));
            o.put("guild_id", sm.guildId() == 0 ? null : Json.id(sm.guildId()));
            o.put("author_id", Json.id(sm.authorId()));
            o.put("kind", sm.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("interaction_id", sm.interactionId() == 0 ? null : Json.id(sm.interactionId()));
            o.put("reply_to", sm.replyTo() == 0 ? null : Json.id(sm.replyTo()));
            o.put("nonce", sm.nonce());
            o.put("content", sm.content());
            o.put("flags", sm.flags());
            o.put("ephemeral", sm.ephemeral());
            o.put("deleted", sm.deleted());
            sm.history().forEach(o.putArray("history")::add);
            o.put("at_millis", sm.atMillis());
            o.set("components", sm.components());
            o.set("attachments", sm.attachments());
        }
        return list;
    }

    /**
     * A user joins a guild ({@code POST /_sim/guilds/{id}/members}): an existing user by {@code user_id}, or a new
     * one named {@code username}; GUILD_MEMBER_ADD is dispatched. Someone already a member: 400.
     */
    private ObjectNode join(long guildId, JsonNode body) {
        SimGuild guild = population.requireGuild(guildId);
        long userId;
        if (body.hasNonNull("user_id")) {
            userId = id(body, "user_id");
            population.requireUser(userId);
        } else {
            String name = require(body.path("username").textValue(), "user_id or username");
            userId = population.newId();
            population.putUser(new dev.hubcord.discordsim.population.SimUser(userId, name, null, null, false));
        }
        if (guild.member(userId).isPresent()) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "user " + userId + " is already a member");
        }
        control.events().memberAdd(guildId, userId);
        return Json.obj().put("guild_id", Json.id(guildId)).put("user_id", Json.id(userId))
                .put("username", population.requireUser(userId).username());
    }

    private ArrayNode guilds(String shards) {
        int n = shards == null ? 1 : Integer.parseInt(shards);
        ArrayNode list = Json.arr();
        for (SimGuild g : population.guilds()) {
            ObjectNode o = list.addObject();
            o.put("id", Json.id(g.id()));
            o.put("name", g.name());
            o.put("member_count", g.memberCount());
            o.put("shard", Snowflakes.shardFor(g.id(), n));
        }
        return list;
    }

    private static JsonNode body(RestExchange.Request r) {
        JsonNode node = r.body() == null || r.body().isBlank() ? Json.obj() : Json.parseOrNull(r.body());
        if (node == null || !node.isObject()) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "body must be a JSON object");
        }
        return node;
    }

    static long id(JsonNode body, String field) {
        long id = Json.snowflake(body.path(field));
        if (id < 0) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "missing or bad " + field);
        }
        return id;
    }

    private static String require(String value, String name) {
        if (value == null) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "missing " + name);
        }
        return value;
    }

    private static RestExchange.Response ok(JsonNode body) {
        return RestExchange.Response.json(200, body);
    }

    private static RestExchange.Response notFound() {
        return RestExchange.Response.error(404, 0, "unknown control route");
    }
}
