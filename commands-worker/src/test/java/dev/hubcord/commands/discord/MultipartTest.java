package dev.hubcord.commands.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.FileUpload;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.protocol.codec.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Files go out as Discord's multipart form: {@code payload_json} with the {@code attachments} array, then
 * {@code files[n]}. Checked on the wire against a loopback HTTP server that records what it gets.
 */
class MultipartTest {

    record Received(String path, String contentType, byte[] body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private DiscordRest rest;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        rest = new DiscordRest(RestOptions.defaults(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/api/v10"), "token"));
    }

    @AfterEach
    void stop() {
        rest.close();
        server.stop(0);
    }

    @Test
    void aMessageWithFilesIsMultipartWithPayloadJsonAndAttachments() throws Exception {
        Reply reply = Reply.text("here").withFiles(new FileUpload("cat.txt", "meow".getBytes(StandardCharsets.UTF_8),
                "text/plain", "a cat"));
        new DiscordApi(rest).createMessage("5", reply.toJson(false), "9", "nonce-1", reply.files());
        Received r = received.getFirst();
        assertThat(r.contentType()).startsWith("multipart/form-data; boundary=hubcord-");
        String boundary = r.contentType().substring(r.contentType().indexOf('=') + 1);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        String[] parts = body.split("--" + boundary);
        assertThat(parts).hasSize(4); // before, payload_json, files[0], closing "--"
        assertThat(parts[1]).contains("name=\"payload_json\"");
        JsonNode payload = Json.mapper().readTree(parts[1].substring(parts[1].indexOf("\r\n\r\n") + 4).trim());
        assertThat(payload.path("content").asText()).isEqualTo("here");
        assertThat(payload.path("nonce").asText()).isEqualTo("nonce-1");
        assertThat(payload.path("attachments").path(0).path("filename").asText()).isEqualTo("cat.txt");
        assertThat(payload.path("attachments").path(0).path("description").asText()).isEqualTo("a cat");
        assertThat(parts[2]).contains("name=\"files[0]\"; filename=\"cat.txt\"").contains("Content-Type: text/plain")
                .endsWith("\r\n\r\nmeow\r\n");
        assertThat(parts[3]).isEqualTo("--\r\n");
    }

    @Test
    void aCallbackWithFilesPutsTheAttachmentsInData() throws Exception {
        Reply reply = Reply.text("file").withFiles(FileUpload.of("a.bin", new byte[] {1, 2, 3}));
        new DiscordApi(rest).interactionCallback("7", "tok", 4, reply.toJson(true), reply.files());
        Received r = received.getFirst();
        assertThat(r.path()).isEqualTo("/api/v10/interactions/7/tok/callback");
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("\"data\":{\"content\":\"file\"").contains("\"attachments\":[{\"id\":0,"
                + "\"filename\":\"a.bin\"}]");
        assertThat(received).hasSize(1);
    }

    @Test
    void aMessageWithoutFilesStaysJson() {
        new DiscordApi(rest).followUp("1", "tok", Reply.text("plain").toJson(true), List.of());
        assertThat(received.getFirst().contentType()).isEqualTo("application/json");
    }
}
