package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walking a message's (or modal's) component tree: Discord's component types, the numeric {@code id} every
 * component gets (Discord fills in the missing ones sequentially, depth first, skipping those the author chose), and
 * finding a component by {@code custom_id}.
 */
public final class Components {

    public static final int ACTION_ROW = 1;
    public static final int BUTTON = 2;
    public static final int STRING_SELECT = 3;
    public static final int TEXT_INPUT = 4;
    public static final int USER_SELECT = 5;
    public static final int ROLE_SELECT = 6;
    public static final int MENTIONABLE_SELECT = 7;
    public static final int CHANNEL_SELECT = 8;
    public static final int SECTION = 9;
    public static final int TEXT_DISPLAY = 10;
    public static final int THUMBNAIL = 11;
    public static final int MEDIA_GALLERY = 12;
    public static final int FILE = 13;
    public static final int SEPARATOR = 14;
    public static final int CONTAINER = 17;
    public static final int LABEL = 18;
    /** Message flag: the message is laid out by components only (no content, no embeds). */
    public static final int IS_COMPONENTS_V2 = 1 << 15;

    private Components() {}

    public static boolean isSelect(int type) {
        return type == STRING_SELECT || (type >= USER_SELECT && type <= CHANNEL_SELECT);
    }

    /** Every component object in the tree, depth first (a component, then its children, accessory, component). */
    static void walk(JsonNode components, Consumer<ObjectNode> visitor) {
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode c : components) {
            visit(c, visitor);
        }
    }

    private static void visit(JsonNode c, Consumer<ObjectNode> visitor) {
        if (!c.isObject()) {
            return;
        }
        visitor.accept((ObjectNode) c);
        walk(c.path("components"), visitor);
        if (c.path("accessory").isObject()) {
            visit(c.path("accessory"), visitor);
        }
        if (c.path("component").isObject()) {
            visit(c.path("component"), visitor);
        }
    }

    /** How many components the tree holds, nested ones included (Discord's limit is on this total). */
    static int count(JsonNode components) {
        int[] n = {0};
        walk(components, c -> n[0]++);
        return n[0];
    }

    /** A copy of the tree where every component has an {@code id}: the given ones kept, the others numbered. */
    public static ArrayNode withIds(JsonNode components) {
        ArrayNode copy = components != null && components.isArray() ? (ArrayNode) components.deepCopy()
                : dev.hubcord.discordsim.json.Json.arr();
        Set<Integer> used = new HashSet<>();
        walk(copy, c -> {
            if (c.path("id").isInt()) {
                used.add(c.path("id").asInt());
            }
        });
        int[] next = {1};
        walk(copy, c -> {
            if (!c.path("id").isInt()) {
                while (used.contains(next[0])) {
                    next[0]++;
                }
                used.add(next[0]);
                c.put("id", next[0]);
            }
        });
        return copy;
    }

    /** The component with this {@code custom_id} in the tree, if any. */
    public static Optional<ObjectNode> find(JsonNode components, String customId) {
        List<ObjectNode> found = new ArrayList<>();
        walk(components, c -> {
            if (customId.equals(c.path("custom_id").asText(null))) {
                found.add(c);
            }
        });
        return found.stream().findFirst();
    }
}
