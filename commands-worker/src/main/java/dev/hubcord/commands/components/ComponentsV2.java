package dev.hubcord.commands.components;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.List;

/**
 * The components v2 layout. A message using any of them sets {@code IS_COMPONENTS_V2} (flag 32768), and then may
 * have no {@code content} and no embeds: {@link dev.hubcord.commands.interactions.Reply} refuses the mix.
 */
public final class ComponentsV2 {

    /** Message flag: the message is laid out with components v2. */
    public static final int IS_COMPONENTS_V2 = 1 << 15;

    private ComponentsV2() {
    }

    /** Markdown text, up to 4000 characters. */
    public record TextDisplay(String content) implements Component {
        public TextDisplay {
            if (content == null || content.isEmpty() || content.length() > 4000) {
                throw new IllegalArgumentException("a text display holds 1-4000 characters");
            }
        }

        @Override
        public ObjectNode toJson() {
            return Json.mapper().createObjectNode().put("type", 10).put("content", content);
        }

        @Override
        public boolean needsV2() {
            return true;
        }
    }

    /** A small image, a section's accessory. */
    public record Thumbnail(String url, String description, boolean spoiler) implements Component {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 11);
            o.putObject("media").put("url", url);
            if (description != null) {
                o.put("description", description);
            }
            return spoiler ? o.put("spoiler", true) : o;
        }

        @Override
        public boolean needsV2() {
            return true;
        }
    }

    /** 1-3 text displays with a button or thumbnail beside them. */
    public record Section(List<TextDisplay> texts, Component accessory) implements Component {
        public Section {
            texts = List.copyOf(texts);
            if (texts.isEmpty() || texts.size() > 3) {
                throw new IllegalArgumentException("a section holds 1-3 text displays");
            }
            if (!(accessory instanceof Component.Button) && !(accessory instanceof Thumbnail)) {
                throw new IllegalArgumentException("a section's accessory is a button or a thumbnail");
            }
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 9);
            ArrayNode array = o.putArray("components");
            texts.forEach(t -> array.add(t.toJson()));
            o.set("accessory", accessory.toJson());
            return o;
        }

        @Override
        public boolean needsV2() {
            return true;
        }
    }

    /** One item of a media gallery. */
    public record MediaItem(String url, String description, boolean spoiler) {}

    /** 1-10 images or videos. */
    public record MediaGallery(List<MediaItem> items) implements Component {
        public MediaGallery {
            items = List.copyOf(items);
            if (items.isEmpty() || items.size() > 10) {
                throw new IllegalArgumentException("a media gallery holds 1-10 items");
            }
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 12);
            ArrayNode array = o.putArray("items");
            for (MediaItem i : items) {
                ObjectNode j = array.addObject();
                j.putObject("media").put("url", i.url());
                if (i.description() != null) {
                    j.put("description", i.description());
                }
                if (i.spoiler()) {
                    j.put("spoiler", true);
                }
            }
            return o;
        }

        @Override
        public boolean needsV2() {
            return true;
        }
    }

    /** An attached file shown in place: {@code attachmentName} names one of the message's attachments. */
    public record FileComponent(String attachmentName, boolean spoiler) implements Component {
        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 13);
            o.putObject("file").put("url", "attachment://" + attachmentName);
            return spoiler ? o.put("spoiler", true) : o;
        }

        @Override
        public boolean needsV2() {
            return true;
        }
    }

    /** Space between components; {@code large} spacing is 2, small 1. */
    public record Separator(boolean divider, boolean large) implements Component {
        @Override
        public ObjectNode toJson() {
            return Json.mapper().createObjectNode().put("type", 14).put("divider", divider)
                    .put("spacing", large ? 2 : 1);
        }

        @Override
        public boolean needsV2() {
            return true;
        }
    }

    /** A box around components (no containers inside), with an optional accent colour. */
    public record Container(List<Component> children, Integer accentColor, boolean spoiler) implements Component {
        public Container {
            children = List.copyOf(children);
            if (children.isEmpty() || children.stream().anyMatch(c -> c instanceof Container
                    || c instanceof Thumbnail || !(c instanceof Component.ActionRow) && !c.needsV2())) {
                throw new IllegalArgumentException("a container holds action rows, text displays, sections, media"
                        + " galleries, files and separators");
            }
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode().put("type", 17);
            ArrayNode array = o.putArray("components");
            children.forEach(c -> array.add(c.toJson()));
            if (accentColor != null) {
                o.put("accent_color", accentColor);
            }
            return spoiler ? o.put("spoiler", true) : o;
        }

        @Override
        public boolean needsV2() {
            return true;
        }
    }
}
