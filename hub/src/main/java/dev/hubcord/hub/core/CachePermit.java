package dev.hubcord.hub.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;

/**
 * Who may send op 5 CACHE, and what. Sharders own the cache and send anything. A commands worker may upsert a
 * {@code member} or a {@code user} it fetched from Discord's REST API after a cache miss, and nothing else: a
 * worker sees one answer, never the event stream, so a delete or a guild/role/channel write from it could only be
 * stale. Every other service type is refused. A refusal closes with 4003.
 */
public final class CachePermit {

    private CachePermit() {
    }

    /**
     * Throws {@link CloseException} 4003 unless {@code from} may send this op 5. Only a commands worker's payload is
     * read here (a sharder's goes to the cache unparsed, which keeps that path allocation-free).
     */
    public static void check(ServiceType from, Envelope envelope) {
        if (from == ServiceType.SHARDER) {
            return;
        }
        if (from != ServiceType.COMMANDS) {
            throw refused("op 5 CACHE may only be sent by sharders and (member/user upserts) commands workers");
        }
        if (envelope.dKind() != Envelope.DataKind.OBJECT) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "CACHE: d must be an object");
        }
        JsonNode d;
        try {
            d = Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
        } catch (IOException e) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "CACHE: unreadable d");
        }
        String type = d.path("type").asText("");
        if (!type.equals("member") && !type.equals("user")) {
            throw refused("op 5 CACHE from a commands worker may only upsert a member or a user, not " + type);
        }
        if (d.path("delete").asBoolean(false)) {
            throw refused("op 5 CACHE from a commands worker may not delete");
        }
    }

    private static CloseException refused(String reason) {
        return new CloseException(CloseCode.UNKNOWN_OPCODE, reason);
    }
}
