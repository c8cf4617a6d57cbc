package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Op 8 Request Guild Members, answered with GUILD_MEMBERS_CHUNK dispatches to the requesting session only. Full
 * member lists need GUILD_MEMBERS and are limited per guild per window (over → a RATE_LIMITED dispatch, not a close).
 */
final class MemberRequests {

    private static final int MAX_QUERY_RESULTS = 100;
    private static final int MAX_USER_IDS = 100;
    private static final int MAX_NONCE_BYTES = 32;

    private final Gateway gw;
    private final Map<String, Long> lastFullRequest = new ConcurrentHashMap<>();

    MemberRequests(Gateway gateway) {
        this.gw = gateway;
    }

    void handle(GatewayConnection c, JsonNode d) {
        Session session = c.session();
        long guildId = Json.snowflake(d.path("guild_id"));
        boolean hasQuery = d.has("query");
        boolean hasIds = d.has("user_ids");
        if (guildId < 0 || hasQuery == hasIds || (hasQuery && !d.path("query").isTextual())) {
            c.close(gw.config.invalidPayloadCloseCode());
            return;
        }
        if (!session.routes(guildId)) {
            if (gw.config.wrongShardCloseCode() != 0) {
                c.close(gw.config.wrongShardCloseCode());
            }
            return;
        }
        SimGuild guild = gw.population.guild(guildId).orElse(null);
        if (guild == null) {
            return;
        }
        String nonce = d.path("nonce").isTextual()
                && d.path("nonce").textValue().getBytes(StandardCharsets.UTF_8).length <= MAX_NONCE_BYTES
                ? d.path("nonce").textValue() : null; // an invalid nonce is ignored, not an error
        boolean presences = d.path("presences").asBoolean(false) && session.has(Intents.GUILD_PRESENCES);
        List<SimMember> found = new ArrayList<>();
        ArrayNode notFound = Json.arr();
        if (hasIds) {
            if (!ids(d.path("user_ids"), guild, found, notFound)) {
                c.close(gw.config.invalidPayloadCloseCode());
                return;
            }
        } else {
            String query = d.path("query").textValue();
            int limit = d.path("limit").asInt(0);
            if (query.isEmpty() && limit == 0 && !fullListAllowed(c, session, guildId, nonce)) {
                return;
            }
            int max = query.isEmpty() && limit == 0 ? Integer.MAX_VALUE
                    : Math.min(limit <= 0 ? MAX_QUERY_RESULTS : limit, MAX_QUERY_RESULTS);
            String prefix = query.toLowerCase(Locale.ROOT);
            for (SimMember m : guild.members()) {
                if (found.size() >= max) {
                    break;
                }
                String name = gw.population.user(m.userId()).map(SimUser::username).orElse("");
                if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    found.add(m);
                }
            }
        }
        sendChunks(session, guildId, found, notFound, nonce, presences);
    }

    /** Checks the intent and the per-guild window for a full member list; false when there must be no chunks. */
    private boolean fullListAllowed(GatewayConnection c, Session session, long guildId, String nonce) {
        if (!session.has(Intents.GUILD_MEMBERS)) {
            if (gw.config.fullListWithoutIntentCloseCode() != 0) {
                c.close(gw.config.fullListWithoutIntentCloseCode());
            }
            return false; // reportedly Discord just never answers
        }
        String key = (gw.config.fullMemberRequestPerSession() ? session.id() + "/" : "") + guildId;
        long now = System.nanoTime();
        long windowNanos = gw.config.fullMemberRequestWindowMs() * 1_000_000L;
        Long last = lastFullRequest.get(key);
        if (last != null && now - last < windowNanos) {
            ObjectNode limited = Json.obj();
            limited.put("opcode", 8);
            limited.put("retry_after", (windowNanos - (now - last)) / 1e9);
            ObjectNode meta = limited.putObject("meta");
            meta.put("guild_id", Json.id(guildId));
            if (nonce != null) {
                meta.put("nonce", nonce);
            }
            gw.dispatcher.toSession(session, "RATE_LIMITED", limited);
            return false;
        }
        lastFullRequest.put(key, now);
        return true;
    }

    private static boolean ids(JsonNode userIds, SimGuild guild, List<SimMember> found, ArrayNode notFound) {
        List<JsonNode> requested = new ArrayList<>();
        if (userIds.isArray()) {
            userIds.forEach(requested::add);
        } else {
            requested.add(userIds);
        }
        if (requested.isEmpty() || requested.size() > MAX_USER_IDS) {
            return false;
        }
        for (JsonNode idNode : requested) {
            long id = Json.snowflake(idNode);
            if (id < 0) {
                return false;
            }
            guild.member(id).ifPresentOrElse(found::add, () -> {
                // Quirk: ids too small to be snowflakes come back as JSON numbers.
                if (id < (1L << 22)) {
                    notFound.add(id);
                } else {
                    notFound.add(Json.id(id));
                }
            });
        }
        return true;
    }

    private void sendChunks(Session session, long guildId, List<SimMember> found, ArrayNode notFound, String nonce,
            boolean presences) {
        int size = gw.config.memberChunkSize();
        int count = Math.max(1, (found.size() + size - 1) / size);
        for (int i = 0; i < count; i++) {
            ObjectNode chunk = Json.obj();
            chunk.put("guild_id", Json.id(guildId));
            ArrayNode members = chunk.putArray("members");
            ArrayNode pres = Json.arr();
            for (SimMember m : found.subList(i * size, Math.min(found.size(), (i + 1) * size))) {
                members.add(GuildPayloads.member(m, gw.population));
                if (presences && m.online()) {
                    ObjectNode p = pres.addObject();
                    p.putObject("user").put("id", Json.id(m.userId()));
                    p.put("status", m.status());
                    p.putArray("activities");
                    p.putObject("client_status").put("desktop", m.status());
                }
            }
            chunk.put("chunk_index", i);
            chunk.put("chunk_count", count);
            if (i == 0 && !notFound.isEmpty()) {
                chunk.set("not_found", notFound);
            }
            if (presences) {
                chunk.set("presences", pres);
            }
            if (nonce != null) {
                chunk.put("nonce", nonce);
            }
            gw.dispatcher.toSession(session, "GUILD_MEMBERS_CHUNK", chunk);
        }
    }
}
