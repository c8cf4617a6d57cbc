package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Files of a multipart request becoming Discord attachment objects. The JSON's {@code attachments} array refers to
 * {@code files[n]} by {@code id: n} (giving its {@code filename} and {@code description}); on an edit it also lists,
 * by snowflake, the existing attachments that stay (without the array every existing one stays). Every file becomes
 * an attachment, referenced or not. The bytes go to the {@link AttachmentStore}, served at the attachment's
 * {@code url}.
 */
final class Uploads {

    /** Discord's limit of files per message. */
    static final int MAX_FILES = 10;

    private Uploads() {}

    /** Checked before any handler runs: at most 10 files, none above the configured size (413 / 40005). */
    static RestExchange.Response check(RestExchange.Request request, RestConfig config) {
        if (request.files().size() > MAX_FILES) {
            return RestExchange.Response.invalidForm("attachments", "BASE_TYPE_MAX_LENGTH",
                    "Must be " + MAX_FILES + " or fewer in length.");
        }
        for (RestExchange.Upload f : request.files()) {
            if (f.bytes().length > config.maxUploadBytes()) {
                return RestExchange.Response.error(413, 40005, "Request entity too large");
            }
        }
        return null;
    }

    /** The attachments of a new message from {@code body} (the message JSON); null without files. */
    static ArrayNode created(RestContext ctx, RestExchange.Request request, JsonNode body, long channelId) {
        return request.files().isEmpty() ? null : added(ctx, request, body, channelId, Json.arr());
    }

    /**
     * The attachments after an edit: the listed existing ones (all without an {@code attachments} array), then the
     * new files; null when the edit changes none.
     */
    static ArrayNode edited(RestContext ctx, RestExchange.Request request, JsonNode body, JsonNode existing,
            long channelId) {
        JsonNode listed = body.path("attachments");
        if (request.files().isEmpty() && !listed.isArray()) {
            return null;
        }
        ArrayNode kept = Json.arr();
        Set<String> keep = new HashSet<>();
        listed.forEach(a -> keep.add(a.path("id").asText()));
        for (JsonNode a : existing) {
            if (!listed.isArray() || keep.contains(a.path("id").asText())) {
                kept.add(a.deepCopy());
            }
        }
        return added(ctx, request, body, channelId, kept);
    }

    private static ArrayNode added(RestContext ctx, RestExchange.Request request, JsonNode body, long channelId,
            ArrayNode into) {
        for (RestExchange.Upload f : request.files()) {
            JsonNode ref = reference(body.path("attachments"), f.index());
            String filename = ref.path("filename").asText(f.filename() == null || f.filename().isBlank()
                    ? "file" + Math.max(f.index(), 0) : f.filename());
            long id = ctx.population().newId();
            ctx.attachments().put(id, new AttachmentStore.StoredFile(channelId, filename, f.contentType(), f.bytes()));
            ObjectNode a = into.addObject();
            a.put("id", Json.id(id));
            a.put("filename", filename);
            if (ref.hasNonNull("description")) {
                a.put("description", ref.path("description").asText());
            }
            a.put("content_type", f.contentType());
            a.put("size", f.bytes().length);
            String url = ctx.httpBaseUrl() + "/attachments/" + Json.id(channelId) + "/" + Json.id(id) + "/"
                    + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
            a.put("url", url);
            a.put("proxy_url", url);
            ImageSize.of(f.contentType(), f.bytes()).ifPresent(s -> {
                a.put("width", s.width());
                a.put("height", s.height());
            });
        }
        return into;
    }

    /** The {@code attachments} entry that names {@code files[index]}, or a missing node. */
    private static JsonNode reference(JsonNode listed, int index) {
        for (JsonNode a : listed) {
            if (a.path("id").isIntegralNumber() && a.path("id").asInt() == index
                    || a.path("id").isTextual() && a.path("id").asText().equals(Integer.toString(index))) {
                return a;
            }
        }
        return Json.obj().path("none");
    }
}
