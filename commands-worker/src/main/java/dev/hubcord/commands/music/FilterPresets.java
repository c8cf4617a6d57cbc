package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The presets of {@code /filter}, as Lavalink v4 filter objects (see {@code docs/protocol.md}, *Filters object*).
 * {@code PLAYER_FILTERS} replaces all filters, so a preset is merged into the player's current ones: its filters
 * replace the same filters and leave the others (nightcore then 8d gives both). {@code reset} clears everything.
 */
final class FilterPresets {

    static final String RESET = "reset";
    /** Preset name → the filters it sets; in the order {@code /filter} offers them. */
    static final Map<String, String> PRESETS = presets();

    private FilterPresets() {
    }

    private static Map<String, String> presets() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("nightcore", "{\"timescale\":{\"speed\":1.25,\"pitch\":1.25}}");
        p.put("vaporwave", "{\"timescale\":{\"speed\":0.85,\"pitch\":0.8}}");
        p.put("8d", "{\"rotation\":{\"rotationHz\":0.2}}");
        p.put("bassboost", "{\"equalizer\":[{\"band\":0,\"gain\":0.25},{\"band\":1,\"gain\":0.2},"
                + "{\"band\":2,\"gain\":0.1}]}");
        p.put(RESET, "{}");
        return java.util.Collections.unmodifiableMap(p);
    }

    /** The filters to send: {@code current} (the player snapshot's, may be missing) with the preset applied. */
    static ObjectNode merge(JsonNode current, String preset) {
        String json = PRESETS.get(preset);
        if (json == null) {
            throw new IllegalArgumentException("unknown filter preset: " + preset);
        }
        if (preset.equals(RESET)) {
            return Json.mapper().createObjectNode();
        }
        ObjectNode out = current != null && current.isObject() ? ((ObjectNode) current).deepCopy()
                : Json.mapper().createObjectNode();
        try {
            out.setAll((ObjectNode) Json.mapper().readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
