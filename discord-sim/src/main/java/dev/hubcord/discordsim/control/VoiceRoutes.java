package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.discordsim.voice.VoiceServer;
import dev.hubcord.discordsim.voice.VoiceSessionInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /_sim/voice…} over HTTP: what the embedded voice server saw (sessions, DAVE, frames) and simulated
 * listeners. Snowflakes go out as strings, as everywhere in Discord's JSON.
 *
 * <pre>
 * GET    /_sim/voice                              endpoint, UDP port, TLS CA, totals, violations, one line per guild
 * GET    /_sim/voice/{guild}                      the guild's state
 * POST   /_sim/voice/{guild}/listeners            {"user_id", "channel_id"?}: a simulated listener joins
 * DELETE /_sim/voice/{guild}/listeners/{user}     it leaves
 * </pre>
 */
final class VoiceRoutes {

    private final VoiceControl voice;

    VoiceRoutes(VoiceControl voice) {
        this.voice = voice;
    }

    /** {@code p} is the path after {@code /_sim/}, split on '/', starting with "voice"; null = no such route. */
    RestExchange.Response route(String method, String[] p, JsonNode body) {
        if (p.length == 1 && method.equals("GET")) {
            return ok(summary());
        }
        if (p.length == 2 && method.equals("GET")) {
            return ok(state(voice.state(snowflake(p[1], "guild id"))));
        }
        if (p.length == 3 && p[2].equals("listeners") && method.equals("POST")) {
            long user = Json.snowflake(body.path("user_id"));
            if (user <= 0) {
                throw new SimException(SimException.Kind.BAD_REQUEST, "missing or bad user_id");
            }
            JsonNode channelNode = body.path("channel_id");
            long channel = channelNode.isMissingNode() || channelNode.isNull() ? 0 : Json.snowflake(channelNode);
            if (channel < 0) {
                throw new SimException(SimException.Kind.BAD_REQUEST, "bad channel_id");
            }
            return ok(listener(voice.addListener(snowflake(p[1], "guild id"), user, channel)));
        }
        if (p.length == 4 && p[2].equals("listeners") && method.equals("DELETE")) {
            voice.removeListener(snowflake(p[1], "guild id"), snowflake(p[3], "user id"));
            return RestExchange.Response.noContent();
        }
        return null;
    }

    private ObjectNode summary() {
        VoiceServer server = voice.server();
        ObjectNode o = Json.obj();
        o.put("endpoint", server.endpoint());
        o.put("udp_port", server.udpPort());
        o.put("tls_ca_pem", server.tls().caPem()); // what a wss:// client must trust
        o.put("packets", server.packets());
        o.put("frames", server.frames());
        List<String> violations = server.violations();
        o.put("violation_count", violations.size());
        ArrayNode last = o.putArray("violations"); // the latest few; a guild's state lists its own
        violations.subList(Math.max(0, violations.size() - 20), violations.size()).forEach(last::add);
        ArrayNode guilds = o.putArray("guilds");
        List<Long> ids = new ArrayList<>(server.guilds());
        ids.sort(Long::compareUnsigned);
        for (long g : ids) {
            ObjectNode line = guilds.addObject();
            line.put("guild_id", Json.id(g));
            line.put("connected", server.connected(g));
            line.put("frames", voice.frames(g));
        }
        return o;
    }

    private static ObjectNode state(VoiceControl.GuildState s) {
        ObjectNode o = Json.obj();
        o.put("guild_id", Json.id(s.guildId()));
        if (s.channelId().isPresent()) {
            o.put("channel_id", Json.id(s.channelId().getAsLong()));
        } else {
            o.putNull("channel_id");
        }
        o.put("connected", s.connected());
        VoiceSessionInfo session = s.session();
        if (session == null) {
            o.putNull("session");
        } else {
            ObjectNode so = o.putObject("session");
            so.put("user_id", Json.id(session.userId()));
            so.put("session_id", session.sessionId());
            so.put("ssrc", session.ssrc());
            so.put("mode", session.mode());
            so.put("speaking", session.speaking());
            so.put("max_dave_protocol_version", session.maxDaveVersion());
        }
        ObjectNode dave = o.putObject("dave");
        dave.put("protocol_version", s.daveProtocolVersion());
        dave.put("epoch", s.daveEpoch());
        o.put("frames", s.frames());
        o.put("silence_frames", s.silenceFrames());
        o.put("last_frame_age_ms", s.lastFrameAgeMs());
        ArrayNode listeners = o.putArray("listeners");
        s.listeners().forEach(l -> listeners.add(listener(l)));
        ArrayNode violations = o.putArray("violations");
        s.violations().forEach(violations::add);
        return o;
    }

    private static ObjectNode listener(VoiceControl.ListenerState l) {
        ObjectNode o = Json.obj();
        o.put("user_id", Json.id(l.userId()));
        o.put("dave_epoch", l.daveEpoch());
        o.put("frames", l.frames());
        o.put("decrypted", l.decrypted());
        o.put("failures", l.failures());
        return o;
    }

    /** A snowflake in a path: digits only, above zero; anything else is a 400. */
    private static long snowflake(String text, String what) {
        long id;
        try {
            id = Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "bad " + what + ": " + text);
        }
        if (id == 0) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "bad " + what + ": 0");
        }
        return id;
    }

    private static RestExchange.Response ok(JsonNode body) {
        return RestExchange.Response.json(200, body);
    }
}
