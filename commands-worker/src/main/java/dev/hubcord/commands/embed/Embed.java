package dev.hubcord.commands.embed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.time.Instant;
import java.util.List;

/**
 * A built embed, within Discord's limits (see {@link EmbedBuilder}). Null parts are left out of the JSON.
 *
 * @param color 0xRRGGBB, or null
 * @param length the characters that count towards Discord's 6000 per message: title, description, field names
 *     and values, footer text and author name
 */
public record Embed(String title, String description, String url, Integer color, Instant timestamp,
        List<Field> fields, String footer, String footerIcon, String author, String authorUrl, String authorIcon,
        String image, String thumbnail, int length) {

    /** One field. */
    public record Field(String name, String value, boolean inline) {}

    public Embed {
        fields = List.copyOf(fields);
    }

    public static EmbedBuilder builder() {
        return new EmbedBuilder();
    }

    /** Discord's embed object. */
    public ObjectNode toJson() {
        ObjectNode e = Json.mapper().createObjectNode();
        putIf(e, "title", title);
        putIf(e, "description", description);
        putIf(e, "url", url);
        if (color != null) {
            e.put("color", color);
        }
        if (timestamp != null) {
            e.put("timestamp", timestamp.toString());
        }
        if (!fields.isEmpty()) {
            var array = e.putArray("fields");
            for (Field f : fields) {
                array.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
            }
        }
        if (footer != null) {
            ObjectNode f = e.putObject("footer").put("text", footer);
            putIf(f, "icon_url", footerIcon);
        }
        if (author != null) {
            ObjectNode a = e.putObject("author").put("name", author);
            putIf(a, "url", authorUrl);
            putIf(a, "icon_url", authorIcon);
        }
        if (image != null) {
            e.putObject("image").put("url", image);
        }
        if (thumbnail != null) {
            e.putObject("thumbnail").put("url", thumbnail);
        }
        return e;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
