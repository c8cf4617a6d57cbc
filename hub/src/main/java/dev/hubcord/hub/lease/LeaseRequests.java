package dev.hubcord.hub.lease;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.core.CloseException;
import dev.hubcord.protocol.CloseCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code LEASE} and {@code LEASE_RELEASE} events and answers them from a {@link Leases} table. A malformed
 * one closes the connection with 4005, like any other invalid event.
 */
public final class LeaseRequests {

    /** Longest lease a service may take or renew at once: a holder that dies keeps a name at most this long. */
    public static final long MAX_TTL_MS = 600_000;
    static final int MAX_NAME_LENGTH = 100;

    private final Leases leases;

    public LeaseRequests(Leases leases) {
        this.leases = leases;
    }

    /** The REPLY to {@code LEASE {nonce, name, ttlMs}}. */
    public Map<String, Object> acquire(String session, JsonNode d) {
        String name = name(d, "LEASE");
        JsonNode ttl = d.get("ttlMs");
        if (ttl == null || !ttl.canConvertToLong() || ttl.longValue() < 1 || ttl.longValue() > MAX_TTL_MS) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "LEASE: d.ttlMs must be an integer from 1 to " + MAX_TTL_MS);
        }
        Leases.Grant grant = leases.acquire(name, session, ttl.longValue());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("nonce", d.get("nonce").asText());
        reply.put("name", name);
        reply.put("granted", grant.granted());
        reply.put("holder", grant.holder());
        reply.put("expiresInMs", grant.expiresInMs());
        return reply;
    }

    /** {@code LEASE_RELEASE {name}}: ends the lease if the sender holds it. */
    public boolean release(String session, JsonNode d) {
        return leases.release(name(d, "LEASE_RELEASE"), session);
    }

    /** A session ended: its leases end with it. */
    public int sessionEnded(String session) {
        return leases.releaseAll(session);
    }

    public Leases table() {
        return leases;
    }

    private static String name(JsonNode d, String event) {
        JsonNode name = d.get("name");
        if (name == null || !name.isTextual() || name.textValue().isEmpty() || name.textValue().length() > MAX_NAME_LENGTH) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, event + ": d.name must be a string of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name.textValue();
    }
}
