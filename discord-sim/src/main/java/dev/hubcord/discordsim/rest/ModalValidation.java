package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.FormError.at;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's checks on a modal (interaction callback 9's {@code data}), as 400/50035 under {@code data.…}:
 * {@code custom_id} 1-100, {@code title} 1-45, 1-5 components, each an action row holding one text input, a label
 * (type 18: {@code label} 1-45, {@code description} up to 100, one text input or string select as its
 * {@code component}) or a text display. Text inputs: {@code custom_id} 1-100 and unique, {@code style} 1 or 2,
 * {@code label} 1-45 inside an action row (none inside a label), {@code min_length} 0-4000, {@code max_length}
 * 1-4000, {@code value} up to 4000, {@code placeholder} up to 100.
 */
final class ModalValidation {

    private ModalValidation() {}

    /** The first problem with the modal, or null. */
    static RestExchange.Response check(JsonNode modal) {
        try {
            validate(modal, List.of("data"));
            return null;
        } catch (FormError e) {
            return e.response();
        }
    }

    private static void validate(JsonNode modal, List<String> path) {
        ComponentValidation.requireText(modal.path("custom_id"), at(path, "custom_id"), 100);
        ComponentValidation.requireText(modal.path("title"), at(path, "title"), 45);
        JsonNode components = modal.path("components");
        if (!components.isArray() || components.isEmpty() || components.size() > 5) {
            throw new FormError(at(path, "components"), "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 5 in length.");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            List<String> here = at(path, "components", i);
            switch (c.path("type").asInt(-1)) {
                case Components.ACTION_ROW -> {
                    JsonNode inputs = c.path("components");
                    if (!inputs.isArray() || inputs.size() != 1) {
                        throw new FormError(at(here, "components"), "BASE_TYPE_BAD_LENGTH",
                                "Must be between 1 and 1 in length.");
                    }
                    textInput(inputs.get(0), at(here, "components", 0), true, ids);
                }
                case Components.LABEL -> {
                    ComponentValidation.requireText(c.path("label"), at(here, "label"), 45);
                    if (c.path("description").asText("").length() > 100) {
                        throw new FormError(at(here, "description"), "BASE_TYPE_MAX_LENGTH",
                                "Must be 100 or fewer in length.");
                    }
                    JsonNode inner = c.path("component");
                    if (inner.path("type").asInt(-1) == Components.STRING_SELECT) {
                        unique(inner, at(here, "component"), ids);
                    } else {
                        textInput(inner, at(here, "component"), false, ids);
                    }
                }
                case Components.TEXT_DISPLAY ->
                        ComponentValidation.requireText(c.path("content"), at(here, "content"), 4000);
                default -> throw new FormError(at(here, "type"), "UNION_TYPE_CHOICES",
                        "Value of field \"type\" must be one of (1, 10, 18).");
            }
        }
    }

    private static void textInput(JsonNode t, List<String> path, boolean inRow, Set<String> ids) {
        if (t.path("type").asInt(-1) != Components.TEXT_INPUT) {
            throw new FormError(at(path, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (4,).");
        }
        unique(t, path, ids);
        int style = t.path("style").asInt(-1);
        if (style != 1 && style != 2) {
            throw new FormError(at(path, "style"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
        }
        if (inRow) {
            ComponentValidation.requireText(t.path("label"), at(path, "label"), 45);
        } else if (t.hasNonNull("label")) {
            throw new FormError(at(path, "label"), "COMPONENT_FIELD_NOT_ALLOWED",
                    "A text input inside a label component cannot have a label");
        }
        int min = t.path("min_length").asInt(0);
        int max = t.path("max_length").asInt(4000);
        if (min < 0 || min > 4000) {
            throw new FormError(at(path, "min_length"), "NUMBER_TYPE_MAX", "int value should be between 0 and 4000.");
        }
        if (max < 1 || max > 4000 || max < min) {
            throw new FormError(at(path, "max_length"), "NUMBER_TYPE_MAX", "int value should be between 1 and 4000.");
        }
        if (t.path("value").asText("").length() > 4000) {
            throw new FormError(at(path, "value"), "BASE_TYPE_MAX_LENGTH", "Must be 4000 or fewer in length.");
        }
        if (t.path("placeholder").asText("").length() > 100) {
            throw new FormError(at(path, "placeholder"), "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }
    }

    private static void unique(JsonNode c, List<String> path, Set<String> ids) {
        ComponentValidation.requireText(c.path("custom_id"), at(path, "custom_id"), 100);
        if (!ids.add(c.path("custom_id").asText())) {
            throw new FormError(at(path, "custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated");
        }
    }
}
