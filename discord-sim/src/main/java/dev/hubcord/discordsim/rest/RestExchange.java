package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request and response values of the REST side, independent of Netty. */
public final class RestExchange {

    private RestExchange() {}

    /**
     * One HTTP request. Header names are lower-cased (HTTP/2 style; clients must not care); {@code path} excludes the
     * query string.
     */
    public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
            String body, List<Upload> files) {

        public Request {
            files = files == null ? List.of() : List.copyOf(files);
        }

        /** A request without files (JSON or empty body). */
        public Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                String body) {
            this(method, path, query, headers, body, List.of());
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String queryParam(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /**
     * One file of a {@code multipart/form-data} body: the part's field name ({@code files[n]}), its index {@code n}
     * (-1 when the name has none), the part's file name and content type, and its bytes.
     */
    public record Upload(String field, int index, String filename, String contentType, byte[] bytes) {}

    /**
     * One HTTP response; {@code body} null means no body (204); a binary body (a download) is written as its bytes
     * with the {@code Content-Type} header given.
     */
    public record Response(int status, Map<String, String> headers, JsonNode body) {

        public static Response json(int status, JsonNode body) {
            return new Response(status, new LinkedHashMap<>(), body);
        }

        public static Response noContent() {
            return new Response(204, new LinkedHashMap<>(), null);
        }

        /** Discord's error body {@code {"message", "code"}}. */
        public static Response error(int status, int code, String message) {
            ObjectNode b = Json.obj();
            b.put("message", message);
            b.put("code", code);
            return json(status, b);
        }

        /** 400 / 50035 Invalid Form Body with one field error. */
        public static Response invalidForm(String field, String errorCode, String message) {
            ObjectNode b = Json.obj();
            b.put("message", "Invalid Form Body");
            b.put("code", 50035);
            ObjectNode err = b.putObject("errors").putObject(field).putArray("_errors").addObject();
            err.put("code", errorCode);
            err.put("message", message);
            return json(400, b);
        }

        public Response withHeader(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    /** A recorded request and the status it got. */
    public record Recorded(long atMillis, String method, String path, String rawQuery, Map<String, String> headers,
            String body, int status) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
