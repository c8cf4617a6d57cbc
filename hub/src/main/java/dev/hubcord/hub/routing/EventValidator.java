package dev.hubcord.hub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.DeliveryMode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.util.Set;

/**
 * Checks that a client's event carries what its delivery needs, before it is routed: an object
 * {@code d}, valid IDs, a guild (or shard) for guild delivery, a nonce for REPLY, and for
 * GATEWAY_SEND a Discord payload with an allowed op. Returns a message for the 4005 close reason,
 * or {@code null} when the event is fine.
 */
public final class EventValidator {

    private static final Set<Integer> GATEWAY_SEND_OPS = Set.of(3, 4, 8);

    private EventValidator() {}

    public static String validate(EventType type, Envelope envelope) {
        if (envelope.dKind() != Envelope.DataKind.OBJECT) {
            return type.name() + ": d must be an object";
        }
        if (envelope.guildId() != null && !Snowflakes.isValid(envelope.guildId())) {
            return type.name() + ": d.guildID is not a snowflake";
        }
        if (envelope.shard() == Envelope.INVALID) {
            return type.name() + ": d.shard must be a non-negative integer";
        }
        if (type.request() == EventType.Request.MUST && envelope.nonce() == null) {
            return type.name() + ": d.nonce is required (a request)";
        }
        return switch (type) {
            case REPLY -> envelope.nonce() == null ? "REPLY: d.nonce is required" : null;
            case DISPATCH -> envelope.dispatchName() == null ? "DISPATCH: d.t is required" : null;
            case IDENTIFY_REQUEST, SHARD_STATUS ->
                    envelope.shard() == Envelope.ABSENT ? type.name() + ": d.shard is required" : null;
            case GATEWAY_SEND -> validateGatewaySend(envelope);
            case LOAD_TRACKS -> null;
            case PLAYER_RECOVER -> envelope.guildId() == null || envelope.nonce() == null
                    ? "PLAYER_RECOVER: d.guildID and d.nonce are required"
                    : null;
            default -> type.mode() == DeliveryMode.GUILD && envelope.guildId() == null
                    ? type.name() + ": d.guildID is required"
                    : null;
        };
    }

    private static String validateGatewaySend(Envelope envelope) {
        if (envelope.guildId() == null && envelope.shard() == Envelope.ABSENT) {
            return "GATEWAY_SEND: d.guildID or d.shard is required";
        }
        JsonNode d;
        try {
            d = Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
        } catch (IOException e) {
            return "GATEWAY_SEND: unreadable d";
        }
        JsonNode op = d.get("op");
        if (op == null || !op.isInt() || !GATEWAY_SEND_OPS.contains(op.intValue())) {
            return "GATEWAY_SEND: d.op must be 3, 4 or 8";
        }
        if (!d.has("d")) {
            return "GATEWAY_SEND: d.d is required";
        }
        return null;
    }
}
