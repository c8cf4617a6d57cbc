package dev.hubcord.hub.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.ServiceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads and checks IDENTIFY and RESUME data. Secrets are compared in constant time and never logged. */
public final class Handshake {

    /**
     * The parts of IDENTIFY the hub uses. {@code hintShards}/{@code hintMaxConcurrency} are 0 when not given;
     * {@code maxUnacked} is the window the client asks for, 0 when not given.
     */
    public record Identify(ServiceType type, Compression compression, String name, Set<String> events,
            int hintShards, int hintMaxConcurrency, String userId, String applicationId, boolean publishAcks,
            int maxUnacked) {}

    /** The parts of RESUME the hub uses. */
    public record Resume(String session, long seq, Compression compression, boolean publishAcks) {}

    private final byte[] secret;

    public Handshake(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public Identify identify(JsonNode d) {
        requireObject(d, "IDENTIFY");
        checkSecret(d);
        JsonNode typeNode = d.get("type");
        ServiceType type = typeNode != null && typeNode.isTextual() ? ServiceType.fromWireName(typeNode.textValue()) : null;
        if (type == null) {
            throw invalid("IDENTIFY: type must be \"sharder\", \"commands\" or \"audio\"");
        }
        Compression compression = compression(d);
        String name = optionalText(d, "name");
        Set<String> events = new LinkedHashSet<>();
        JsonNode eventsNode = d.get("events");
        if (eventsNode != null && !eventsNode.isNull()) {
            if (!eventsNode.isArray()) {
                throw invalid("IDENTIFY: events must be an array of strings");
            }
            for (JsonNode e : eventsNode) {
                if (!e.isTextual()) {
                    throw invalid("IDENTIFY: events must be an array of strings");
                }
                events.add(e.textValue());
            }
        }
        int shards = 0;
        int maxConcurrency = 0;
        String userId = null;
        String applicationId = null;
        JsonNode gateway = d.get("gateway");
        if (gateway != null && !gateway.isNull() && type == ServiceType.SHARDER) {
            if (!gateway.isObject()) {
                throw invalid("IDENTIFY: gateway must be an object");
            }
            shards = positiveInt(gateway, "shards");
            maxConcurrency = positiveInt(gateway, "maxConcurrency");
            userId = optionalText(gateway, "userID");
            applicationId = optionalText(gateway, "applicationID");
        }
        if (name == null || name.isBlank()) {
            name = type.wireName();
        }
        JsonNode window = d.get("maxUnacked");
        if (window != null && !window.isNull() && (!window.isInt() || window.intValue() < 1)) {
            throw invalid("IDENTIFY: maxUnacked must be a positive integer");
        }
        return new Identify(type, compression, name, events, shards, maxConcurrency, userId, applicationId,
                publishAcks(d), window == null || window.isNull() ? 0 : window.intValue());
    }

    public Resume resume(JsonNode d) {
        requireObject(d, "RESUME");
        checkSecret(d);
        JsonNode session = d.get("session");
        if (session == null || !session.isTextual()) {
            throw invalid("RESUME: session must be a string");
        }
        JsonNode seq = d.get("seq");
        if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber() || seq.longValue() < 0) {
            throw invalid("RESUME: seq must be a non-negative integer");
        }
        return new Resume(session.textValue(), seq.longValue(), compression(d), publishAcks(d));
    }

    /** {@code publishAcks}: absent or false means off. */
    private static boolean publishAcks(JsonNode d) {
        JsonNode node = d.get("publishAcks");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw invalid("publishAcks must be true or false");
        }
        return node.booleanValue();
    }

    private void checkSecret(JsonNode d) {
        JsonNode given = d.get("secret");
        byte[] candidate = given != null && given.isTextual() ? given.textValue().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(secret, candidate)) {
            throw new CloseException(CloseCode.AUTHENTICATION_FAILED, "authentication failed: wrong or missing secret");
        }
    }

    /** Constant-time check of a REST {@code Authorization} header. */
    public boolean secretMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static Compression compression(JsonNode d) {
        JsonNode c = d.get("compress");
        Object value = c == null || c.isNull() ? null : c.isBoolean() ? (Object) c.booleanValue() : c.isTextual() ? c.textValue() : c;
        try {
            return Compression.fromIdentifyValue(value);
        } catch (IllegalArgumentException e) {
            throw invalid("compress must be true, false, \"zstd\" or \"zlib\"");
        }
    }

    private static void requireObject(JsonNode d, String what) {
        if (d == null || !d.isObject()) {
            throw invalid(what + ": d must be an object");
        }
    }

    private static String optionalText(JsonNode d, String field) {
        JsonNode node = d.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.textValue();
    }

    private static int positiveInt(JsonNode d, String field) {
        JsonNode node = d.get(field);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isInt() || node.intValue() < 1) {
            throw invalid("gateway." + field + " must be a positive integer");
        }
        return node.intValue();
    }

    private static CloseException invalid(String reason) {
        return new CloseException(CloseCode.INVALID_PAYLOAD, reason);
    }
}
