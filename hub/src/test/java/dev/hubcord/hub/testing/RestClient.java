package dev.hubcord.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP requests to a {@link TestHub}, with or without the secret, over a real socket. */
public final class RestClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A response: status, content type (or empty) and body text. */
    public record Answer(int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** {@code error.code} of an error answer. */
        public String errorCode() {
            return json().at("/error/code").asText();
        }
    }

    private final TestHub hub;

    public RestClient(TestHub hub) {
        this.hub = hub;
    }

    public Answer get(String path) {
        return send("GET", path, TestHub.SECRET);
    }

    public Answer delete(String path) {
        return send("DELETE", path, TestHub.SECRET);
    }

    /** Any method; {@code auth} null sends no Authorization header. */
    public Answer send(String method, String path, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.httpUri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Authorization", auth);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of one unlabelled series on {@code /metrics}, or NaN when it is not there. */
    public static double metric(TestHub hub, String name) {
        for (String line : new RestClient(hub).send("GET", "/metrics", null).body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }
}
