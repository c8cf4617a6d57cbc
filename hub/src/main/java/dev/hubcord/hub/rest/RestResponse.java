package dev.hubcord.hub.rest;

import dev.hubcord.protocol.codec.EnvelopeWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A REST answer: status, content type, body bytes and any further response headers (set from constants and values
 * the hub makes itself, never from request input: the server skips header validation). A {@link #later} answer is
 * computed off the event loop: the server writes whatever {@code pending} completes with (status and body of the
 * record itself unused).
 */
public record RestResponse(int status, String contentType, byte[] body, Map<String, String> headers,
        CompletableFuture<RestResponse> pending) {

    public static final String JSON = "application/json; charset=utf-8";

    public RestResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of(), null);
    }

    /** This answer with a further header. */
    public RestResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RestResponse(status, contentType, body, Map.copyOf(more), pending);
    }

    /** An answer that {@code answer} will give; the HTTP connection reads nothing more until then. */
    public static RestResponse later(CompletableFuture<RestResponse> answer) {
        return new RestResponse(0, null, new byte[0], Map.of(), answer);
    }

    /** 503 with {@code Retry-After}: the hub is too busy for this request now. */
    public static RestResponse unavailable(String message, int retryAfterSeconds) {
        return error(503, "UNAVAILABLE", message).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    public static RestResponse json(int status, Object value) {
        return new RestResponse(status, JSON, value instanceof byte[] bytes ? bytes : EnvelopeWriter.data(value));
    }

    public static RestResponse ok(Object value) {
        return json(200, value);
    }

    public static RestResponse noContent() {
        return new RestResponse(204, null, new byte[0]);
    }

    public static RestResponse text(String contentType, String body) {
        return new RestResponse(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** An error in the contract's shape: {@code {"error": {"code": "...", "message": "..."}}}. */
    public static RestResponse error(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return json(status, Map.of("error", error));
    }

    public static RestResponse notFound(String message) {
        return error(404, "NOT_FOUND", message);
    }

    public static RestResponse badRequest(String message) {
        return error(400, "BAD_REQUEST", message);
    }

    public static RestResponse methodNotAllowed(String method, String path) {
        return error(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + path);
    }
}
