package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Translations of a name and a description, by Discord locale ({@code de}, {@code fr}, {@code pt-BR}...).
 *
 * @param names localized names (the same rules as the name)
 * @param descriptions localized descriptions
 */
public record Localizations(Map<String, String> names, Map<String, String> descriptions) {

    public static final Localizations NONE = new Localizations(Map.of(), Map.of());

    public Localizations {
        names = Map.copyOf(names);
        descriptions = Map.copyOf(descriptions);
    }

    public Localizations with(String locale, String name, String description) {
        Map<String, String> n = new HashMap<>(names);
        Map<String, String> d = new HashMap<>(descriptions);
        if (name != null) {
            n.put(locale, name);
        }
        if (description != null) {
            d.put(locale, description);
        }
        return new Localizations(n, d);
    }

    /** Adds {@code name_localizations} and {@code description_localizations} when there are any. */
    public void describe(ObjectNode o, boolean withDescriptions) {
        if (!names.isEmpty()) {
            ObjectNode n = o.putObject("name_localizations");
            new TreeMap<>(names).forEach(n::put);
        }
        if (withDescriptions && !descriptions.isEmpty()) {
            ObjectNode d = o.putObject("description_localizations");
            new TreeMap<>(descriptions).forEach(d::put);
        }
    }
}
