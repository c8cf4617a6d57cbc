package dev.hubcord.protocol.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.Opcode;
import dev.hubcord.protocol.Payload;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.BotInfo;
import dev.hubcord.protocol.client.GatewayInfo;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.Identified;
import dev.hubcord.protocol.codec.PayloadCodec;
import dev.hubcord.protocol.codec.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the payloads that open a session (IDENTIFY, RESUME), the heartbeat, and reads IDENTIFIED. */
final class Handshake {

    private Handshake() {}

    static byte[] identify(HubClientOptions options) {
        ObjectNode d = PayloadCodec.object();
        d.put("type", options.type().wireName());
        d.put("secret", options.secret());
        putCompress(d, options);
        putPublishAcks(d, options);
        if (options.name() != null) {
            d.put("name", options.name());
        }
        if (!options.events().isEmpty()) {
            options.events().forEach(d.putArray("events")::add);
        }
        if (options.maxUnacked() > 0) {
            d.put("maxUnacked", options.maxUnacked());
        }
        GatewayInfo gateway = options.gateway() == null ? null : options.gateway().get();
        if (gateway != null) {
            ObjectNode g = d.putObject("gateway");
            if (gateway.shards() > 0) {
                g.put("shards", gateway.shards());
            }
            if (gateway.maxConcurrency() > 0) {
                g.put("maxConcurrency", gateway.maxConcurrency());
            }
            if (gateway.userId() != null) {
                g.put("userID", gateway.userId());
            }
            if (gateway.applicationId() != null) {
                g.put("applicationID", gateway.applicationId());
            }
        }
        return PayloadCodec.encode(Payload.of(Opcode.IDENTIFY, d));
    }

    static byte[] resume(HubClientOptions options, String session, long seq) {
        ObjectNode d = PayloadCodec.object();
        d.put("secret", options.secret());
        d.put("session", session);
        d.put("seq", seq);
        putCompress(d, options);
        putPublishAcks(d, options);
        return PayloadCodec.encode(Payload.of(Opcode.RESUME, d));
    }

    private static void putPublishAcks(ObjectNode d, HubClientOptions options) {
        if (options.publishAcks()) {
            d.put("publishAcks", true);
        }
    }

    private static void putCompress(ObjectNode d, HubClientOptions options) {
        switch (options.compression().identifyValue()) {
            case Boolean b -> d.put("compress", b);
            case Object o -> d.put("compress", o.toString());
        }
    }

    /**
     * An op 1 with {@code heapUsed} and the application's statistics; the application's values come
     * first so that they cannot replace {@code heapUsed}.
     */
    static byte[] heartbeat(Map<String, ?> statistics) {
        ObjectNode d = PayloadCodec.object();
        if (statistics != null) {
            statistics.forEach((key, value) -> d.set(key, PayloadCodec.toTree(value)));
        }
        Runtime runtime = Runtime.getRuntime();
        d.put("heapUsed", runtime.totalMemory() - runtime.freeMemory());
        return PayloadCodec.encode(Payload.of(Opcode.HEARTBEAT, d));
    }

    /**
     * Reads IDENTIFIED's data.
     *
     * @throws ProtocolException INVALID_PAYLOAD when {@code session} or {@code heartbeatInterval} is missing
     */
    static Identified identified(JsonNode d, ServiceType requested) {
        String session = d.path("session").textValue();
        long interval = d.path("heartbeatInterval").asLong(0);
        if (session == null || session.isEmpty() || interval <= 0) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_PAYLOAD,
                    "IDENTIFIED without session or heartbeatInterval");
        }
        ServiceType type = ServiceType.fromWireName(d.path("type").textValue());
        List<Integer> shards = new ArrayList<>();
        d.path("shards").forEach(shard -> shards.add(shard.asInt()));
        return new Identified(
                session,
                type == null ? requested : type,
                interval,
                d.path("resumeTimeout").asLong(0),
                botInfo(d.get("bot")),
                shards,
                d.path("shardCount").asInt(0),
                d.path("maxConcurrency").asInt(0));
    }

    /** A {@code {userID, applicationID}} object, or {@code null} when absent. */
    static BotInfo botInfo(JsonNode bot) {
        if (bot == null || !bot.isObject()) {
            return null;
        }
        return new BotInfo(bot.path("userID").asText(null), bot.path("applicationID").asText(null));
    }
}
