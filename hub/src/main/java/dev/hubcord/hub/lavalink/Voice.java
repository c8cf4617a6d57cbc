package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A player's {@code voice} as the Lavalink client sent it: what its bot got from Discord's VOICE_SERVER_UPDATE
 * ({@code token}, {@code endpoint}) and VOICE_STATE_UPDATE ({@code sessionId}, and {@code channelId} from clients
 * that send it).
 */
record Voice(String token, String endpoint, String sessionId, String channelId) {

    /** Parses {@code voice}; an {@link IllegalArgumentException} naming the bad field. */
    static Voice parse(JsonNode v) {
        if (!v.isObject()) {
            throw new IllegalArgumentException("voice must be an object");
        }
        String token = text(v, "token", true);
        String endpoint = text(v, "endpoint", true);
        String sessionId = text(v, "sessionId", true);
        String channelId = text(v, "channelId", false);
        if (channelId != null && !channelId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("voice.channelId must be a snowflake");
        }
        return new Voice(token, endpoint, sessionId, channelId);
    }

    private static String text(JsonNode v, String field, boolean required) {
        JsonNode n = v.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException("voice." + field + " is required");
            }
            return null;
        }
        if (!n.isTextual() || n.textValue().isEmpty()) {
            throw new IllegalArgumentException("voice." + field + " must be a non-empty string");
        }
        return n.textValue();
    }

    void write(ObjectNode to) {
        to.put("token", token);
        to.put("endpoint", endpoint);
        to.put("sessionId", sessionId);
        if (channelId != null) {
            to.put("channelId", channelId);
        }
    }
}
