package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.Components.ACTION_ROW;
import static dev.hubcord.discordsim.rest.Components.BUTTON;
import static dev.hubcord.discordsim.rest.Components.CONTAINER;
import static dev.hubcord.discordsim.rest.Components.FILE;
import static dev.hubcord.discordsim.rest.Components.MEDIA_GALLERY;
import static dev.hubcord.discordsim.rest.Components.SECTION;
import static dev.hubcord.discordsim.rest.Components.SEPARATOR;
import static dev.hubcord.discordsim.rest.Components.STRING_SELECT;
import static dev.hubcord.discordsim.rest.Components.TEXT_DISPLAY;
import static dev.hubcord.discordsim.rest.Components.THUMBNAIL;
import static dev.hubcord.discordsim.rest.FormError.at;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.payload.MessagePayloads;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's checks on the components of a message body (create, edit, interaction responses and follow-ups) that a
 * bot author gets wrong, answered 400/50035 with the error under the component's path (e.g.
 * {@code errors.components.0.components.1.custom_id._errors}). Without the {@code IS_COMPONENTS_V2} flag: at most 5
 * action rows, each 1-5 buttons or exactly one select. With it: the layout components (section, text display,
 * thumbnail, media gallery, file, separator, container) as well, at most 40 components in all, 4000 characters of
 * text displays, and no {@code content} or {@code embeds}. Everywhere: {@code custom_id} 1-100 characters and unique
 * in the message, button labels up to 80, select placeholders up to 150, 1-25 string-select options.
 */
final class ComponentValidation {

    private static final Set<Integer> V2_TOP = Set.of(ACTION_ROW, SECTION, TEXT_DISPLAY, MEDIA_GALLERY, FILE,
            SEPARATOR, CONTAINER);
    private static final Set<Integer> IN_CONTAINER = Set.of(ACTION_ROW, SECTION, TEXT_DISPLAY, MEDIA_GALLERY, FILE,
            SEPARATOR);

    private final Set<String> customIds = new HashSet<>();
    private int textLength;

    private ComponentValidation() {}

    /** The first problem with the message body's components, or null; {@code flags} the message's flags. */
    static RestExchange.Response check(JsonNode body, int flags) {
        try {
            new ComponentValidation().message(body, flags);
            return null;
        } catch (FormError e) {
            return e.response();
        }
    }

    private void message(JsonNode body, int flags) {
        JsonNode components = body.path("components");
        boolean v2 = (flags & Components.IS_COMPONENTS_V2) != 0;
        if (v2) {
            for (String legacy : List.of("content", "embeds")) {
                JsonNode f = body.path(legacy);
                if (!f.isMissingNode() && !f.isNull() && !(f.isTextual() && f.asText().isEmpty())
                        && !(f.isArray() && f.isEmpty())) {
                    throw new FormError(List.of(legacy), "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                            "The '" + legacy + "' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
                }
            }
        }
        if (components.isMissingNode() || components.isNull()) {
            return;
        }
        List<String> path = List.of("components");
        if (!components.isArray()) {
            throw new FormError(path, "BASE_TYPE_ARRAY", "Must be an array.");
        }
        if (!v2 && components.size() > 5) {
            throw new FormError(path, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        }
        if (v2 && Components.count(components) > 40) {
            throw new FormError(path, "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.");
        }
        for (int i = 0; i < components.size(); i++) {
            top(components.get(i), at(path, i), v2 ? V2_TOP : Set.of(ACTION_ROW));
        }
        if (textLength > 4000) {
            throw new FormError(path, "COMPONENT_TEXT_DISPLAY_TOO_LONG",
                    "The total length of text display components must be 4000 or fewer.");
        }
    }

    private void top(JsonNode c, List<String> path, Set<Integer> allowed) {
        int type = type(c, path, allowed);
        switch (type) {
            case ACTION_ROW -> row(c, path);
            case SECTION -> section(c, path);
            case TEXT_DISPLAY -> textDisplay(c, path);
            case MEDIA_GALLERY -> {
                JsonNode items = c.path("items");
                if (!items.isArray() || items.isEmpty() || items.size() > 10) {
                    throw new FormError(at(path, "items"), "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 10 in length.");
                }
                for (int i = 0; i < items.size(); i++) {
                    requireText(items.get(i).path("media").path("url"), at(path, "items", i, "media", "url"), 2048);
                }
            }
            case FILE -> requireText(c.path("file").path("url"), at(path, "file", "url"), 2048);
            case SEPARATOR -> {
                JsonNode spacing = c.path("spacing");
                if (!spacing.isMissingNode() && spacing.asInt(0) != 1 && spacing.asInt(0) != 2) {
                    throw new FormError(at(path, "spacing"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
                }
            }
            case CONTAINER -> {
                JsonNode children = c.path("components");
                if (!children.isArray() || children.isEmpty()) {
                    throw new FormError(at(path, "components"), "BASE_TYPE_MIN_LENGTH",
                            "Must be 1 or more in length.");
                }
                for (int i = 0; i < children.size(); i++) {
                    top(children.get(i), at(path, "components", i), IN_CONTAINER);
                }
            }
            default -> throw new IllegalStateException("type() admitted " + type);
        }
    }

    private static int type(JsonNode c, List<String> path, Set<Integer> allowed) {
        int type = c.path("type").asInt(-1);
        if (!c.isObject() || !allowed.contains(type)) {
            throw new FormError(at(path, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of "
                    + allowed.stream().sorted().map(String::valueOf).toList().toString().replace('[', '(')
                            .replace(']', ')') + ".");
        }
        return type;
    }

    private void row(JsonNode row, List<String> path) {
        JsonNode children = row.path("components");
        List<String> at = at(path, "components");
        if (!children.isArray() || children.isEmpty() || children.size() > 5) {
            throw new FormError(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        boolean select = false;
        for (int i = 0; i < children.size(); i++) {
            JsonNode c = children.get(i);
            int type = c.path("type").asInt(-1);
            if (type == BUTTON) {
                button(c, at(at, i));
            } else if (Components.isSelect(type)) {
                select = true;
                select(c, at(at, i), type);
            } else {
                type(c, at(at, i), Set.of(BUTTON, STRING_SELECT, 5, 6, 7, 8));
            }
        }
        if (select && children.size() > 1) {
            throw new FormError(at, "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                    "The specified component exceeds the maximum width");
        }
    }

    private void section(JsonNode c, List<String> path) {
        JsonNode texts = c.path("components");
        if (!texts.isArray() || texts.isEmpty() || texts.size() > 3) {
            throw new FormError(at(path, "components"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 3 in length.");
        }
        for (int i = 0; i < texts.size(); i++) {
            type(texts.get(i), at(path, "components", i), Set.of(TEXT_DISPLAY));
            textDisplay(texts.get(i), at(path, "components", i));
        }
        JsonNode accessory = c.path("accessory");
        if (accessory.isMissingNode()) {
            throw new FormError(at(path, "accessory"), "BASE_TYPE_REQUIRED", "This field is required");
        }
        if (type(accessory, at(path, "accessory"), Set.of(BUTTON, THUMBNAIL)) == BUTTON) {
            button(accessory, at(path, "accessory"));
        } else {
            requireText(accessory.path("media").path("url"), at(path, "accessory", "media", "url"), 2048);
        }
    }

    private void textDisplay(JsonNode c, List<String> path) {
        requireText(c.path("content"), at(path, "content"), 4000);
        textLength += c.path("content").asText().length();
    }

    private void button(JsonNode b, List<String> path) {
        int style = b.path("style").asInt(-1);
        if (style < 1 || style > 6) {
            throw new FormError(at(path, "style"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
        }
        if (style == 5 || style == 6) { // link and premium buttons send no interaction, so no custom_id
            forbid(b, path, "custom_id");
            requireText(b.path(style == 5 ? "url" : "sku_id"), at(path, style == 5 ? "url" : "sku_id"), 512);
            if (style == 6) {
                for (String f : List.of("label", "url", "emoji")) {
                    forbid(b, path, f);
                }
            }
        } else {
            customId(b, path);
            forbid(b, path, "url");
        }
        if (style != 6 && !b.hasNonNull("label") && !b.hasNonNull("emoji")) {
            throw new FormError(at(path, "label"), "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED",
                    "A button must have a label or an emoji");
        }
        if (b.hasNonNull("label") && b.path("label").asText().length() > 80) {
            throw new FormError(at(path, "label"), "BASE_TYPE_MAX_LENGTH", "Must be 80 or fewer in length.");
        }
    }

    private void select(JsonNode s, List<String> path, int type) {
        customId(s, path);
        if (s.path("placeholder").asText("").length() > 150) {
            throw new FormError(at(path, "placeholder"), "BASE_TYPE_MAX_LENGTH", "Must be 150 or fewer in length.");
        }
        int min = s.path("min_values").asInt(1);
        int max = s.path("max_values").asInt(1);
        if (min < 0 || min > 25) {
            throw new FormError(at(path, "min_values"), "NUMBER_TYPE_MAX", "int value should be between 0 and 25.");
        }
        if (max < 1 || max > 25 || max < min) {
            throw new FormError(at(path, "max_values"), "NUMBER_TYPE_MAX", "int value should be between 1 and 25.");
        }
        if (type != STRING_SELECT) {
            return;
        }
        JsonNode options = s.path("options");
        if (!options.isArray() || options.isEmpty() || options.size() > 25) {
            throw new FormError(at(path, "options"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
        }
        for (int i = 0; i < options.size(); i++) {
            JsonNode o = options.get(i);
            requireText(o.path("label"), at(path, "options", i, "label"), 100);
            requireText(o.path("value"), at(path, "options", i, "value"), 100);
            if (o.path("description").asText("").length() > 100) {
                throw new FormError(at(path, "options", i, "description"), "BASE_TYPE_MAX_LENGTH",
                        "Must be 100 or fewer in length.");
            }
        }
    }

    private void customId(JsonNode c, List<String> path) {
        requireText(c.path("custom_id"), at(path, "custom_id"), 100);
        if (!customIds.add(c.path("custom_id").asText())) {
            throw new FormError(at(path, "custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated");
        }
    }

    private static void forbid(JsonNode c, List<String> path, String field) {
        if (c.hasNonNull(field)) {
            throw new FormError(at(path, field), "COMPONENT_FIELD_NOT_ALLOWED",
                    "This field is not allowed for this button style");
        }
    }

    /** The body's message content, its components numbered ({@link Components#withIds}) as Discord stores them. */
    static MessagePayloads.Content content(JsonNode body) {
        MessagePayloads.Content c = MessagePayloads.Content.of(body);
        return body.path("components").isArray() ? new MessagePayloads.Content(c.text(), c.embeds(),
                Components.withIds(body.path("components")), c.tts(), c.flags()) : c;
    }

    /** A required string of 1 to {@code max} characters. */
    static void requireText(JsonNode v, List<String> path, int max) {
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new FormError(path, "BASE_TYPE_REQUIRED", "This field is required");
        }
        if (v.asText().length() > max) {
            throw new FormError(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
        }
    }
}
