package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.Map;
import java.util.Objects;

/**
 * A choice of a string, integer or number option (fixed with {@link Argument#choices}, or returned by an
 * {@link AutocompleteHandler}): the name users see (1-100 characters, localizable) and the value the command gets.
 *
 * @param value a {@code String}, {@code Long} or {@code Double}
 */
public record Choice(String name, Object value, Map<String, String> nameLocalizations) {

    public Choice {
        Objects.requireNonNull(value, "value");
        if (name == null || name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("a choice's name is 1-100 characters: " + name);
        }
        if (!(value instanceof String) && !(value instanceof Long) && !(value instanceof Double)) {
            throw new IllegalArgumentException("a choice's value is a String, Long or Double");
        }
        if (value instanceof String s && s.length() > 100) {
            throw new IllegalArgumentException("a choice's value is at most 100 characters");
        }
        nameLocalizations = Map.copyOf(nameLocalizations);
    }

    public static Choice of(String name, String value) {
        return new Choice(name, value, Map.of());
    }

    public static Choice of(String name, long value) {
        return new Choice(name, value, Map.of());
    }

    public static Choice of(String name, double value) {
        return new Choice(name, value, Map.of());
    }

    public Choice localized(String locale, String localizedName) {
        var all = new java.util.HashMap<>(nameLocalizations);
        all.put(locale, localizedName);
        return new Choice(name, value, all);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode().put("name", name);
        switch (value) {
            case String s -> o.put("value", s);
            case Long l -> o.put("value", l);
            case Double d -> o.put("value", d);
            default -> throw new IllegalStateException();
        }
        if (!nameLocalizations.isEmpty()) {
            ObjectNode l = o.putObject("name_localizations");
            new java.util.TreeMap<>(nameLocalizations).forEach(l::put);
        }
        return o;
    }
}
