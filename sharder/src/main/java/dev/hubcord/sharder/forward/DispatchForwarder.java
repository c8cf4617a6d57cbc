package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.sharder.gateway.Shard;
import dev.hubcord.sharder.gateway.ShardListener;
import dev.hubcord.sharder.gateway.ShardState;
import dev.hubcord.sharder.metrics.SharderMetrics;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the shards see into what the hub needs: cache entities (op 5) for the guild state,
 * EXECUTE_COMMAND for commands, the bot's own voice events for audio workers, raw DISPATCH events for
 * the names listed in {@code SHARDER_DISPATCH_EVENTS}, and SHARD_STATUS on every state change. Each
 * guild change is applied to the {@link GuildMirror} and sent while holding that guild's lock, so a
 * concurrent resend never overtakes it.
 *
 * <p>Runs on the shards' event loops; every call only queues (nothing blocks).
 */
public final class DispatchForwarder implements ShardListener {

    private final HubSink hub;
    private final GuildMirror mirror;
    private final BotIdentity bot;
    private final String prefix;
    private final Set<String> dispatchEvents;
    private final SharderMetrics metrics;

    public DispatchForwarder(HubSink hub, GuildMirror mirror, BotIdentity bot, String prefix,
            Set<String> dispatchEvents, SharderMetrics metrics) {
        this.hub = hub;
        this.mirror = mirror;
        this.bot = bot;
        this.prefix = prefix;
        this.dispatchEvents = Set.copyOf(dispatchEvents);
        this.metrics = metrics;
    }

    @Override
    public void onDispatch(Shard shard, String type, JsonNode d) {
        forward(shard.id(), type, d);
    }

    /** Forwards one dispatch seen on shard {@code shardId}. */
    public void forward(int shardId, String type, JsonNode d) {
        metrics.dispatchReceived();
        switch (type) {
            case "READY" -> bot.learned(d.path("user").path("id").asText(null),
                    d.path("application").path("id").asText(null));
            case "GUILD_CREATE" -> guildCreate(d);
            case "GUILD_UPDATE" -> guildUpdate(d);
            case "GUILD_DELETE" -> guildDelete(d);
            case "CHANNEL_CREATE", "CHANNEL_UPDATE" -> channelUpsert(d);
            case "CHANNEL_DELETE" -> channelDelete(d);
            case "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE" -> roleUpsert(d);
            case "GUILD_ROLE_DELETE" -> roleDelete(d);
            case "GUILD_MEMBER_ADD" -> memberUpsert(d, 1);
            case "GUILD_MEMBER_UPDATE" -> memberUpsert(d, 0);
            case "GUILD_MEMBER_REMOVE" -> memberRemove(d);
            case "GUILD_MEMBERS_CHUNK" -> membersChunk(d);
            case "VOICE_STATE_UPDATE" -> voiceStateUpdate(d);
            case "VOICE_SERVER_UPDATE" -> event("VOICE_SERVER_UPDATE", d);
            case "USER_UPDATE" -> {
                hub.sendCache(0, UserRecord.of(d, null).toEntity(true));
                bot.learned(d.path("id").asText(null), null);
            }
            case "MESSAGE_CREATE" -> command(Commands.fromMessage(d, prefix, bot.userId(), shardId));
            case "INTERACTION_CREATE" -> command(Commands.fromInteraction(d, shardId));
            default -> { }
        }
        if (dispatchEvents.contains(type)) {
            ObjectNode dispatch = CacheEntities.object();
            dispatch.put("shard", shardId);
            dispatch.put("t", type);
            dispatch.set("d", d);
            event("DISPATCH", dispatch);
        }
    }

    @Override
    public void onStateChange(Shard shard, ShardState previous, ShardState state, String detail) {
        sendStatus(shard);
    }

    /**
     * SHARD_STATUS {@code {shard, status, latency, guilds}}, plus the bot's {@code userID} and
     * {@code applicationID} once READY told us: the hub learns them this way when this sharder
     * identified with it before Discord's READY.
     */
    public void sendStatus(Shard shard) {
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("shard", shard.id());
        status.put("status", shard.state().wireName());
        status.put("latency", shard.latencyMillis());
        status.put("guilds", shard.guildCount());
        if (bot.userId() != null && bot.applicationId() != null) {
            status.put("userID", bot.userId());
            status.put("applicationID", bot.applicationId());
        }
        hub.sendEvent("SHARD_STATUS", status);
    }

    private void command(ObjectNode executeCommand) {
        if (executeCommand != null) {
            metrics.commandForwarded();
            event("EXECUTE_COMMAND", executeCommand);
        }
    }

    private void event(String name, Object data) {
        hub.sendEvent(name, data); // a refusal is counted and logged by the sink
    }

    private void send(GuildState g, ObjectNode entity) {
        metrics.cacheEntitySent();
        hub.sendCache(g.id, entity);
    }

    private void guildCreate(JsonNode d) {
        long id = Snowflake.of(d.get("id"));
        if (id == 0) {
            return;
        }
        if (d.path("unavailable").asBoolean(false)) {
            markUnavailable(id);
            return;
        }
        GuildState g = mirror.getOrCreate(id);
        synchronized (g) {
            // Like the hub's cache: roles, channels and voice states are replaced, members upserted.
            g.base = CacheEntities.guildBase(d, id);
            g.roles.clear();
            for (JsonNode r : d.path("roles")) {
                g.roles.put(Snowflake.of(r.get("id")), CacheEntities.role(r, id));
            }
            g.channels.clear();
            for (JsonNode c : d.path("channels")) {
                g.channels.put(Snowflake.of(c.get("id")), CacheEntities.channel(c, id));
            }
            g.voiceStates.clear();
            for (JsonNode v : d.path("voice_states")) {
                if (Snowflake.of(v.get("channel_id")) != 0) {
                    g.voiceStates.put(Snowflake.of(v.get("user_id")), CacheEntities.voiceState(v, id));
                }
            }
            for (JsonNode m : d.path("members")) {
                MemberRecord record = MemberRecord.merge(null, m, 0);
                if (record.userId() != 0) {
                    g.members.put(record.userId(), record);
                }
            }
            for (ObjectNode entity : g.fullEntities()) {
                send(g, entity);
            }
        }
    }

    private void guildUpdate(JsonNode d) {
        long id = Snowflake.of(d.get("id"));
        if (id == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(id);
        synchronized (g) {
            ObjectNode base = CacheEntities.guildBase(d, id);
            if (!base.has("memberCount") && g.base != null && g.base.has("memberCount")) {
                base.set("memberCount", g.base.get("memberCount"));
            }
            g.base = base;
            ObjectNode entity = base.deepCopy();
            if (d.has("roles")) {
                g.roles.clear();
                ArrayNode roles = entity.putArray("roles");
                for (JsonNode r : d.path("roles")) {
                    ObjectNode role = CacheEntities.role(r, id);
                    g.roles.put(Snowflake.of(r.get("id")), role);
                    roles.add(role);
                }
            }
            send(g, entity);
        }
    }

    /** An outage ({@code unavailable:true}) is not a removal: the guild is kept and marked. */
    private void guildDelete(JsonNode d) {
        long id = Snowflake.of(d.get("id"));
        if (id == 0) {
            return;
        }
        if (d.path("unavailable").asBoolean(false)) {
            markUnavailable(id);
            return;
        }
        GuildState g = mirror.getOrCreate(id);
        synchronized (g) {
            mirror.remove(id);
            send(g, CacheEntities.delete("guild", id, 0));
        }
    }

    private void markUnavailable(long id) {
        GuildState g = mirror.getOrCreate(id);
        synchronized (g) {
            ObjectNode base = g.baseOrMinimal();
            base.put("unavailable", true);
            g.base = base;
            send(g, base.deepCopy());
        }
    }

    private void channelUpsert(JsonNode d) {
        long guildId = Snowflake.of(d.get("guild_id"));
        long id = Snowflake.of(d.get("id"));
        if (guildId == 0 || id == 0) {
            return; // DM channels are not cached
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            ObjectNode channel = CacheEntities.channel(d, guildId);
            g.channels.put(id, channel);
            send(g, CacheEntities.standaloneChannel(channel));
        }
    }

    private void channelDelete(JsonNode d) {
        long guildId = Snowflake.of(d.get("guild_id"));
        long id = Snowflake.of(d.get("id"));
        if (guildId == 0 || id == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            g.channels.remove(id);
            send(g, CacheEntities.delete("channel", id, guildId));
        }
    }

    private void roleUpsert(JsonNode d) {
        long guildId = Snowflake.of(d.get("guild_id"));
        JsonNode r = d.path("role");
        long id = Snowflake.of(r.get("id"));
        if (guildId == 0 || id == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            ObjectNode role = CacheEntities.role(r, guildId);
            g.roles.put(id, role);
            send(g, role);
        }
    }

    private void roleDelete(JsonNode d) {
        long guildId = Snowflake.of(d.get("guild_id"));
        long id = Snowflake.of(d.get("role_id"));
        if (guildId == 0 || id == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            g.roles.remove(id);
            // Discord sends no member updates for this; the hub's cache strips the role the same way.
            g.members.replaceAll((user, member) -> member.withoutRole(id));
            send(g, CacheEntities.delete("role", id, guildId));
        }
    }

    private void memberUpsert(JsonNode d, int countChange) {
        long guildId = Snowflake.of(d.get("guild_id"));
        long userId = Snowflake.of(d.path("user").get("id"));
        if (guildId == 0 || userId == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            MemberRecord record = MemberRecord.merge(g.members.get(userId), d, userId);
            g.members.put(userId, record);
            send(g, record.toEntity(guildId, true));
            changeMemberCount(g, countChange);
        }
    }

    private void memberRemove(JsonNode d) {
        long guildId = Snowflake.of(d.get("guild_id"));
        long userId = Snowflake.of(d.path("user").get("id"));
        if (guildId == 0 || userId == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            g.members.remove(userId);
            send(g, CacheEntities.delete("member", userId, guildId));
            changeMemberCount(g, -1);
        }
    }

    private void changeMemberCount(GuildState g, int change) {
        if (change == 0 || g.base == null || !g.base.has("memberCount")) {
            return;
        }
        int count = Math.max(0, g.base.get("memberCount").asInt() + change);
        g.base.put("memberCount", count);
        ObjectNode entity = g.membersOnly();
        entity.put("memberCount", count);
        send(g, entity);
    }

    private void membersChunk(JsonNode d) {
        long guildId = Snowflake.of(d.get("guild_id"));
        if (guildId == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            ObjectNode entity = g.membersOnly();
            ArrayNode batch = entity.putArray("members");
            for (JsonNode m : d.path("members")) {
                MemberRecord record = MemberRecord.merge(g.members.get(Snowflake.of(m.path("user").get("id"))), m, 0);
                if (record.userId() == 0) {
                    continue;
                }
                g.members.put(record.userId(), record);
                if (batch.size() == GuildState.MEMBER_BATCH) {
                    send(g, entity);
                    entity = g.membersOnly();
                    batch = entity.putArray("members");
                }
                batch.add(record.toEntity(guildId, false));
            }
            if (!batch.isEmpty()) {
                send(g, entity);
            }
        }
    }

    private void voiceStateUpdate(JsonNode d) {
        long guildId = Snowflake.of(d.get("guild_id"));
        long userId = Snowflake.of(d.get("user_id"));
        if (guildId == 0 || userId == 0) {
            return;
        }
        GuildState g = mirror.getOrCreate(guildId);
        synchronized (g) {
            ObjectNode state = CacheEntities.voiceState(d, guildId);
            if (state.path("channelID").isNull()) {
                g.voiceStates.remove(userId);
            } else {
                g.voiceStates.put(userId, state);
            }
            send(g, state);
            JsonNode member = d.get("member");
            if (member != null && member.path("user").isObject()) {
                MemberRecord record = MemberRecord.merge(g.members.get(userId), member, userId);
                g.members.put(userId, record);
                send(g, record.toEntity(guildId, true));
            }
        }
        if (Long.toUnsignedString(userId).equals(bot.userId())) {
            event("VOICE_STATE_UPDATE", d);
        }
    }
}
