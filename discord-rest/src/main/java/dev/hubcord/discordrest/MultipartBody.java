package dev.hubcord.discordrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A request body with files: {@code multipart/form-data} with the JSON in {@code payload_json} and each file as
 * {@code files[n]}, as Discord takes message creates, interaction callbacks, follow-ups and edits with attachments.
 * The {@code attachments} array ({@code {id: n, filename, description}}) is added to the JSON here, so the message
 * can refer to {@code attachment://name}. Encoded once: a repeated request sends the same bytes.
 *
 * @param json the JSON body; for a callback, the whole {@code {type, data}} (the attachments go into {@code data})
 */
public record MultipartBody(ObjectNode json, List<FileUpload> files, String boundary) {

    public MultipartBody {
        files = List.copyOf(files);
    }

    public static MultipartBody of(ObjectNode json, List<FileUpload> files) {
        return new MultipartBody(json, files, "hubcord-" + UUID.randomUUID());
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body's bytes. */
    public byte[] encode() {
        ObjectNode payload = json.deepCopy();
        ObjectNode target = payload.path("data").isObject() ? (ObjectNode) payload.get("data") : payload;
        ArrayNode attachments = target.putArray("attachments");
        for (int i = 0; i < files.size(); i++) {
            ObjectNode a = attachments.addObject().put("id", i).put("filename", files.get(i).name());
            if (files.get(i).description() != null) {
                a.put("description", files.get(i).description());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            part(out, "Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json");
            out.writeBytes(Json.mapper().writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
        for (int i = 0; i < files.size(); i++) {
            FileUpload f = files.get(i);
            part(out, "Content-Disposition: form-data; name=\"files[" + i + "]\"; filename=\"" + f.name()
                    + "\"\r\nContent-Type: " + f.contentType());
            out.writeBytes(f.content());
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void part(ByteArrayOutputStream out, String headers) {
        String start = out.size() == 0 ? "" : "\r\n";
        out.writeBytes((start + "--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
