package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.MultipartClient.Part.field;
import static dev.hubcord.discordsim.rest.MultipartClient.Part.file;
import static dev.hubcord.discordsim.rest.MultipartClient.Part.json;
import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.rest.MultipartClient.Part;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files on the channel routes: {@code multipart/form-data} with {@code payload_json} and {@code files[n]} becomes
 * attachment objects whose URLs serve the bytes; edits keep the listed attachments; Discord's limits and errors.
 */
class MultipartMessageTest {

    private SimRestFixture f;
    private MultipartClient form;
    private long general;
    private String messages;

    @BeforeEach
    void start() {
        f = new SimRestFixture();
        form = new MultipartClient(f.sim.apiBaseUrl(), f.sim.token());
        general = f.channel("general");
        messages = "/channels/" + id(general) + "/messages";
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("messages", new RestConfig.BucketLimit(50, 1_000, false))
                .withBucket("message_edit", new RestConfig.BucketLimit(50, 1_000, false)));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void filesBecomeAttachmentsServedAtTheirUrl() {
        byte[] image = png(3, 2);
        MultipartClient.Result r = form.send("POST", messages,
                json("{\"content\":\"two files\",\"attachments\":[{\"id\":0,\"filename\":\"notes.txt\","
                        + "\"description\":\"my notes\"},{\"id\":1}]}"),
                file(0, "ignored.txt", "text/plain", text("hello file")), file(1, "dot.png", "image/png", image));
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode attachments = r.json().path("attachments");
        assertThat(attachments).hasSize(2);
        JsonNode notes = attachments.get(0);
        assertThat(notes.path("filename").asText()).as("the attachments entry names the file").isEqualTo("notes.txt");
        assertThat(notes.path("description").asText()).isEqualTo("my notes");
        assertThat(notes.path("size").asInt()).isEqualTo(10);
        assertThat(notes.path("content_type").asText()).isEqualTo("text/plain");
        assertThat(notes.path("id").asText()).matches("\\d+").isNotEqualTo(r.json().path("id").asText());
        assertThat(notes.path("url").asText()).isEqualTo(f.sim.apiBaseUrl().replace("/api/v10", "")
                + "/attachments/" + id(general) + "/" + notes.path("id").asText() + "/notes.txt");
        assertThat(notes.path("proxy_url").asText()).isEqualTo(notes.path("url").asText());
        assertThat(notes.has("width")).as("not an image").isFalse();
        JsonNode dot = attachments.get(1);
        assertThat(dot.path("filename").asText()).isEqualTo("dot.png");
        assertThat(dot.path("width").asInt()).isEqualTo(3);
        assertThat(dot.path("height").asInt()).isEqualTo(2);

        MultipartClient.Result download = MultipartClient.get(notes.path("url").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(text("hello file"));
        assertThat(download.contentType()).isEqualTo("text/plain");
        assertThat(MultipartClient.get(dot.path("url").asText()).body()).isEqualTo(image);
        assertThat(MultipartClient.get(notes.path("url").asText().replace("notes.txt", "other.txt")).status())
                .isEqualTo(404);

        JsonNode created = f.gateway.nextDispatch("MESSAGE_CREATE").path("d");
        assertThat(created.path("attachments").get(1).path("size").asInt()).isEqualTo(image.length);
        SentMessage recorded = f.sim.control().messages().getLast();
        assertThat(recorded.attachments().get(0).path("filename").asText()).isEqualTo("notes.txt");
        assertThat(recorded.attachments().get(0).path("size").asInt()).isEqualTo(10);
        JsonNode listed = new RestClient(f.sim.controlUrl(), null).call("GET", "/messages", null).json();
        assertThat(listed.get(listed.size() - 1).path("attachments").get(1).path("filename").asText())
                .isEqualTo("dot.png");
    }

    @Test
    void aFileAloneIsAMessageAndPlainFieldsStandForPayloadJson() {
        MultipartClient.Result alone = form.send("POST", messages, file(0, "a.bin", null, new byte[] {1, 2}));
        assertThat(alone.status()).isEqualTo(200);
        assertThat(alone.json().path("content").asText()).isEmpty();
        assertThat(alone.json().path("attachments").get(0).path("filename").asText()).isEqualTo("a.bin");
        MultipartClient.Result fields = form.send("POST", messages, field("content", "from a field"),
                file(0, "b.txt", "text/plain", text("b")));
        assertThat(fields.status()).isEqualTo(200);
        assertThat(fields.json().path("content").asText()).isEqualTo("from a field");
        assertThat(fields.json().path("attachments")).hasSize(1);
    }

    @Test
    void anEditKeepsTheListedAttachmentsAndAddsItsFiles() {
        JsonNode posted = form.send("POST", messages, json("{\"content\":\"v1\"}"),
                file(0, "one.txt", "text/plain", text("1")), file(1, "two.txt", "text/plain", text("2"))).json();
        String one = posted.path("attachments").get(0).path("id").asText();
        String path = messages + "/" + posted.path("id").asText();

        JsonNode edited = form.send("PATCH", path, json("{\"attachments\":[{\"id\":\"" + one + "\"},{\"id\":0}]}"),
                file(0, "three.txt", "text/plain", text("3"))).json();
        assertThat(edited.path("attachments").findValuesAsText("filename")).containsExactly("one.txt", "three.txt");
        assertThat(edited.path("content").asText()).isEqualTo("v1");

        JsonNode textOnly = f.rest.call("PATCH", path, "{\"content\":\"v2\"}").json();
        assertThat(textOnly.path("attachments").findValuesAsText("filename")).as("no attachments array: all stay")
                .containsExactly("one.txt", "three.txt");
        JsonNode added = form.send("PATCH", path, json("{}"), file(0, "four.txt", "text/plain", text("4"))).json();
        assertThat(added.path("attachments").findValuesAsText("filename"))
                .containsExactly("one.txt", "three.txt", "four.txt");
        JsonNode cleared = f.rest.call("PATCH", path, "{\"attachments\":[]}").json();
        assertThat(cleared.path("attachments")).isEmpty();
        assertThat(f.sim.control().messages().stream().filter(m -> m.id() == posted.path("id").asLong())
                .findFirst().orElseThrow().attachments()).isEmpty();
    }

    @Test
    void moreThanTenFilesOrATooLargeFileIsRefused() {
        List<Part> eleven = new ArrayList<>();
        eleven.add(json("{\"content\":\"many\"}"));
        for (int i = 0; i < 11; i++) {
            eleven.add(file(i, "f" + i + ".txt", "text/plain", text("x")));
        }
        MultipartClient.Result many = form.send("POST", messages, eleven.toArray(Part[]::new));
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().path("code").asInt()).isEqualTo(50035);
        assertThat(many.json().path("errors").path("attachments").path("_errors").get(0).path("code").asText())
                .isEqualTo("BASE_TYPE_MAX_LENGTH");

        f.sim.control().setRestConfig(f.sim.control().restConfig().withMaxUploadBytes(1_000));
        MultipartClient.Result large = form.send("POST", messages, json("{\"content\":\"big\"}"),
                file(0, "big.bin", null, new byte[1_001]));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().path("code").asInt()).isEqualTo(40005);
        assertThat(large.json().path("message").asText()).isEqualTo("Request entity too large");
        assertThat(form.send("POST", messages, json("{\"content\":\"fits\"}"),
                file(0, "ok.bin", null, new byte[1_000])).status()).isEqualTo(200);
        assertThat(f.sim.control().messages()).extracting(SentMessage::content).doesNotContain("many", "big");
    }

    @Test
    void badMultipartIsA400AndTheSimKeepsServing() {
        byte[] body = MultipartClient.body(json("{\"content\":\"x\"}"));
        MultipartClient.Result noBoundary = form.raw("POST", messages, "multipart/form-data", body);
        assertThat(noBoundary.status()).isEqualTo(400);
        assertThat(noBoundary.json().path("code").asInt()).isEqualTo(50035);
        MultipartClient.Result badJson = form.send("POST", messages, json("{not json"),
                file(0, "a.txt", "text/plain", text("a")));
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().path("code").asInt()).isEqualTo(50109);
        assertThat(form.send("POST", messages, json("{\"content\":\"after\"}")).status()).isEqualTo(200);
        assertThat(MultipartClient.get(f.sim.apiBaseUrl().replace("/api/v10", "") + "/attachments/1/2/x.txt")
                .status()).isEqualTo(404);
    }
}
