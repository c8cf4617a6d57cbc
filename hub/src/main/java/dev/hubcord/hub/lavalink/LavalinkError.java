package dev.hubcord.hub.lavalink;

import dev.hubcord.hub.rest.RestResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Lavalink's JSON error shape: {@code {timestamp, status, error, message, path}} (no {@code trace}: we keep none). */
final class LavalinkError {

    private LavalinkError() {
    }

    static RestResponse of(int status, String message, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", System.currentTimeMillis());
        body.put("status", status);
        body.put("error", reason(status));
        body.put("message", message);
        body.put("path", path);
        return RestResponse.json(status, body);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Internal Server Error";
        };
    }
}
