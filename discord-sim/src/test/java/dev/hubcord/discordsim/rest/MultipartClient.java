package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Multipart requests built by hand, byte for byte as Discord documents them, sent with the JDK's HttpClient. */
record MultipartClient(String base, String token) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String BOUNDARY = "sim-test-boundary";

    /** One form part: a field (filename null) or a file. */
    record Part(String name, String filename, String contentType, byte[] bytes) {
        static Part json(String json) {
            return new Part("payload_json", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(int n, String filename, String contentType, byte[] bytes) {
            return new Part("files[" + n + "]", filename, contentType, bytes);
        }
    }

    record Result(int status, byte[] body, String contentType) {
        JsonNode json() {
            try {
                return TestGatewayClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    static byte[] body(Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder h = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"")
                    .append(p.name()).append('"');
            if (p.filename() != null) {
                h.append("; filename=\"").append(p.filename()).append('"');
            }
            if (p.contentType() != null) {
                h.append("\r\nContent-Type: ").append(p.contentType());
            }
            out.writeBytes(h.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Result send(String method, String path, Part... parts) {
        return raw(method, path, "multipart/form-data; boundary=" + BOUNDARY, body(parts));
    }

    Result raw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (token != null) {
            b.header("Authorization", "Bot " + token);
        }
        return send(b.build());
    }

    /** A GET of any URL (the attachment downloads). */
    static Result get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static Result send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Result(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
