package dev.hubcord.hub.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.util.Set;

/**
 * Checks op 5 payloads against contract section 7 — an object with a known {@code type}, and an ID
 * (or {@code userID} for voice states) — without storing them.
 */
public final class ValidatingCacheSink implements CacheSink {

    private static final Set<String> TYPES = Set.of("member", "role", "user", "guild", "channel", "voiceState");

    @Override
    public void accept(Envelope envelope) {
        if (envelope.dKind() != Envelope.DataKind.OBJECT) {
            throw invalid("CACHE: d must be an object");
        }
        JsonNode d;
        try {
            d = Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
        } catch (IOException e) {
            throw invalid("CACHE: unreadable d");
        }
        JsonNode type = d.get("type");
        if (type == null || !type.isTextual() || !TYPES.contains(type.textValue())) {
            throw invalid("CACHE: type must be one of " + TYPES);
        }
        String idField = type.textValue().equals("voiceState") ? "userID" : "id";
        JsonNode id = d.get(idField);
        if (id == null || !id.isTextual()) {
            throw invalid("CACHE: " + type.textValue() + " needs " + idField + " as a string");
        }
    }

    private static CloseException invalid(String reason) {
        return new CloseException(CloseCode.INVALID_PAYLOAD, reason);
    }
}
