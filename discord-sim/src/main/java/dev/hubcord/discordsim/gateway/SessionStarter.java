package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Envelope;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.UserPayloads;
import dev.hubcord.discordsim.population.SimGuild;
import java.util.List;

/**
 * IDENTIFY (op 2) and RESUME (op 6): validation with Discord's close codes, identify concurrency and session-start
 * accounting, READY followed by one GUILD_CREATE per guild of the shard, and RESUME with replay and RESUMED.
 */
final class SessionStarter {

    private final Gateway gw;

    SessionStarter(Gateway gateway) {
        this.gw = gateway;
    }

    void identify(GatewayConnection c, JsonNode d) {
        if (!d.path("token").isTextual() || !d.path("properties").isObject()) {
            reject(c, -1, 0, gw.config.invalidPayloadCloseCode());
            return;
        }
        int shardId = 0;
        int numShards = 1;
        JsonNode shard = d.path("shard");
        boolean shardGiven = !shard.isMissingNode() && !shard.isNull();
        if (shardGiven) {
            if (!shard.isArray() || shard.size() != 2 || !shard.get(0).isIntegralNumber()
                    || !shard.get(1).isIntegralNumber()) {
                reject(c, -1, 0, CloseCode.INVALID_SHARD.code());
                return;
            }
            shardId = shard.get(0).intValue();
            numShards = shard.get(1).intValue();
        }
        if (!gw.token.equals(d.path("token").textValue())) {
            reject(c, shardId, numShards, CloseCode.AUTHENTICATION_FAILED.code());
            return;
        }
        if (shardId < 0 || numShards < 1 || shardId >= numShards || numShards % gw.config.requiredShardMultiple() != 0) {
            reject(c, shardId, numShards, CloseCode.INVALID_SHARD.code());
            return;
        }
        JsonNode intentsNode = d.path("intents");
        if (!intentsNode.isIntegralNumber() || intentsNode.longValue() < 0
                || (gw.config.strictIntents() && (intentsNode.longValue() & ~Intents.VALID) != 0)) {
            reject(c, shardId, numShards, CloseCode.INVALID_INTENTS.code());
            return;
        }
        long intents = intentsNode.longValue();
        if (!privilegedAllowed(intents)) {
            reject(c, shardId, numShards, CloseCode.DISALLOWED_INTENTS.code());
            return;
        }
        List<SimGuild> guilds = gw.population.guildsForShard(shardId, numShards);
        if (guilds.size() > gw.config.maxGuildsPerSession()) {
            reject(c, shardId, numShards, CloseCode.SHARDING_REQUIRED.code());
            return;
        }
        switch (gw.identifyLimiter.tryIdentify(shardId)) {
            case CONCURRENCY_LIMITED -> {
                gw.recordIdentify(c, shardId, numShards, "CONCURRENCY_LIMITED");
                gw.invalidSession(c, false);
                return;
            }
            case EXHAUSTED -> {
                gw.recordIdentify(c, shardId, numShards, "SESSION_STARTS_EXHAUSTED");
                if (gw.config.exhaustedStarts() == GatewayConfig.ExhaustedAction.CLOSE_4004) {
                    c.close(CloseCode.AUTHENTICATION_FAILED.code());
                } else {
                    gw.invalidSession(c, false);
                }
                return;
            }
            case ACCEPTED -> gw.recordIdentify(c, shardId, numShards, "ACCEPTED");
        }
        int largeThreshold = Math.clamp(d.path("large_threshold").asInt(50), 50, 250);
        Session session = new Session(gw.randomHex(16), shardId, numShards, intents, largeThreshold,
                gw.config.replayBufferSize());
        gw.sessions.put(session.id(), session);
        c.authenticate(session);
        session.attach(c);
        session.dispatch("READY", ready(session, guilds, shardGiven));
        // GUILD_CREATEs follow READY lazily; building big guilds is kept off the event loop.
        Thread.ofVirtual().name("guild-create-" + session.id()).start(() -> sendGuilds(session, guilds));
    }

    private boolean privilegedAllowed(long intents) {
        long flags = gw.applicationFlags;
        return ((intents & Intents.GUILD_MEMBERS) == 0 || (flags & Intents.FLAG_GUILD_MEMBERS) != 0)
                && ((intents & Intents.GUILD_PRESENCES) == 0 || (flags & Intents.FLAG_PRESENCE) != 0)
                && ((intents & Intents.MESSAGE_CONTENT) == 0 || (flags & Intents.FLAG_MESSAGE_CONTENT) != 0);
    }

    private void reject(GatewayConnection c, int shardId, int numShards, int code) {
        gw.recordIdentify(c, shardId, numShards, "CLOSED_" + code);
        c.close(code);
    }

    private ObjectNode ready(Session session, List<SimGuild> guilds, boolean shardGiven) {
        ObjectNode r = Json.obj();
        r.put("v", 10);
        r.putObject("user_settings");
        r.set("user", UserPayloads.self(gw.population.bot()));
        if (shardGiven) {
            r.putArray("shard").add(session.shardId()).add(session.numShards());
        }
        r.put("session_type", "normal");
        r.put("session_id", session.id());
        r.put("resume_gateway_url", gw.resumeUrl.get());
        r.putArray("relationships");
        r.putArray("private_channels");
        r.putArray("presences");
        ArrayNode list = r.putArray("guilds");
        guilds.forEach(g -> list.add(GuildPayloads.unavailable(g.id())));
        r.putArray("guild_join_requests");
        r.putArray("geo_ordered_rtc_regions").add("rotterdam").add("frankfurt").add("milan");
        r.putArray("game_relationships");
        r.putObject("auth");
        ObjectNode app = r.putObject("application");
        app.put("id", Json.id(gw.population.bot().id()));
        app.put("flags", gw.applicationFlags);
        r.set("_trace", Json.trace("gateway-sim-ready"));
        return r;
    }

    private void sendGuilds(Session session, List<SimGuild> guilds) {
        for (SimGuild guild : guilds) {
            SimGuild.Snapshot g = guild.snapshot();
            if (g.unavailable()) {
                gw.dispatcher.toSession(session, "GUILD_DELETE", GuildPayloads.unavailable(g.id()));
            } else {
                gw.dispatcher.toSession(session, "GUILD_CREATE", GuildPayloads.create(g, gw.population,
                        session.has(Intents.GUILD_PRESENCES), session.largeThreshold()));
            }
        }
    }

    void resume(GatewayConnection c, JsonNode d) {
        if (!d.path("token").isTextual() || !d.path("session_id").isTextual()
                || !(d.path("seq").isIntegralNumber() || d.path("seq").isNull())) {
            c.close(gw.config.invalidPayloadCloseCode());
            return;
        }
        if (!gw.token.equals(d.path("token").textValue())) {
            c.close(CloseCode.AUTHENTICATION_FAILED.code());
            return;
        }
        Session session = gw.sessions.get(d.path("session_id").textValue());
        if (session == null) {
            gw.invalidSession(c, false);
            return;
        }
        int seq = d.path("seq").asInt(0);
        ObjectNode resumed = Json.obj();
        resumed.set("_trace", Json.trace("gateway-sim-resume"));
        Session.ResumeResult result = session.resume(c, seq, System.nanoTime(),
                gw.config.resumeTimeoutMs() * 1_000_000L, gw.config.resumedHasSeq(), resumed);
        switch (result) {
            case RESUMED -> c.authenticate(session);
            case INVALID_SESSION -> {
                gw.sessions.remove(session.id(), session);
                gw.invalidSession(c, false);
            }
            case BAD_SEQ -> {
                if (gw.config.badResumeSeq() == GatewayConfig.BadSeqAction.CLOSE_4007) {
                    c.close(CloseCode.INVALID_SEQ.code());
                } else {
                    session.invalidate();
                    gw.sessions.remove(session.id(), session);
                    gw.invalidSession(c, false);
                }
            }
        }
    }
}
