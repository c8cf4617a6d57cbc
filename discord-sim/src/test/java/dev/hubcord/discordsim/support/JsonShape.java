package dev.hubcord.discordsim.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The structure of JSON values without their contents: which JSON types a value took and, for objects, the shape of
 * each field; for arrays, the union of their elements' shapes. Several samples merge into one shape, so a field seen
 * in one element only (a voice channel's {@code bitrate}) still counts.
 *
 * <p>Comparison treats {@code null} as compatible with any type: one sample cannot tell a nullable string that
 * happened to be null from a field that is always null, and Discord's nullable fields are many.
 */
public final class JsonShape {

    /** The JSON types. */
    public enum Kind { STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL }

    private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    private final Map<String, JsonShape> fields = new LinkedHashMap<>();
    private JsonShape elements;

    private JsonShape() {}

    /** The shape of all {@code samples} together. */
    public static JsonShape of(JsonNode... samples) {
        JsonShape s = new JsonShape();
        for (JsonNode n : samples) {
            s.add(n);
        }
        return s;
    }

    /** The shape of all {@code samples} together. */
    public static JsonShape of(List<JsonNode> samples) {
        return of(samples.toArray(JsonNode[]::new));
    }

    private void add(JsonNode n) {
        Kind k = kindOf(n);
        kinds.add(k);
        if (k == Kind.OBJECT) {
            n.properties().forEach(e -> fields.computeIfAbsent(e.getKey(), x -> new JsonShape()).add(e.getValue()));
        } else if (k == Kind.ARRAY) {
            if (elements == null) {
                elements = new JsonShape();
            }
            n.forEach(elements::add);
        }
    }

    private static Kind kindOf(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Kind.NULL;
        }
        if (n.isTextual()) {
            return Kind.STRING;
        }
        if (n.isNumber()) {
            return Kind.NUMBER;
        }
        if (n.isBoolean()) {
            return Kind.BOOLEAN;
        }
        return n.isObject() ? Kind.OBJECT : Kind.ARRAY;
    }

    /** Whether this shape has the field at {@code path} ({@code $.d.channels[].nsfw}, as in the differences). */
    public boolean has(String path) {
        JsonShape at = this;
        for (String step : path.substring(path.indexOf('$') + 1).split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            String name = step;
            int arrays = 0;
            while (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
                arrays++;
            }
            at = at.fields.get(name);
            for (int i = 0; at != null && i < arrays; i++) {
                at = at.elements;
            }
            if (at == null) {
                return false;
            }
        }
        return true;
    }

    private Set<Kind> valueKinds() {
        Set<Kind> k = EnumSet.copyOf(kinds.isEmpty() ? EnumSet.of(Kind.NULL) : kinds);
        k.remove(Kind.NULL);
        return k;
    }

    /**
     * Where {@code actual} differs from this (the expected shape), as sorted lines {@code path: problem}. A field of
     * the expected shape that {@code actual} lacks is "missing" unless {@code allowedMissing} accepts its path; a
     * field only {@code actual} has is "extra" unless {@code allowedExtra} accepts it. Paths look like
     * {@code d.channels[].permission_overwrites[].type}.
     */
    public List<String> differences(JsonShape actual, String path, Predicate<String> allowedMissing,
            Predicate<String> allowedExtra) {
        Set<String> out = new TreeSet<>();
        compare(this, actual, path, allowedMissing, allowedExtra, out);
        return new ArrayList<>(out);
    }

    private static void compare(JsonShape expected, JsonShape actual, String path, Predicate<String> allowedMissing,
            Predicate<String> allowedExtra, Set<String> out) {
        Set<Kind> e = expected.valueKinds();
        Set<Kind> a = actual.valueKinds();
        if (!e.isEmpty() && !a.isEmpty() && !e.equals(a)) {
            out.add(path + ": type " + a + " where Discord sends " + e);
            return;
        }
        if (e.contains(Kind.OBJECT) && a.contains(Kind.OBJECT)) {
            for (Map.Entry<String, JsonShape> f : expected.fields.entrySet()) {
                String p = path + "." + f.getKey();
                JsonShape af = actual.fields.get(f.getKey());
                if (af == null) {
                    if (!allowedMissing.test(p)) {
                        out.add(p + ": missing (Discord sends " + f.getValue().valueKinds() + ")");
                    }
                } else {
                    compare(f.getValue(), af, p, allowedMissing, allowedExtra, out);
                }
            }
            for (String name : actual.fields.keySet()) {
                String p = path + "." + name;
                if (!expected.fields.containsKey(name) && !allowedExtra.test(p)) {
                    out.add(p + ": extra (not in the capture)");
                }
            }
        }
        boolean bothHaveElements = expected.elements != null && actual.elements != null
                && !expected.elements.kinds.isEmpty() && !actual.elements.kinds.isEmpty();
        if (bothHaveElements) {
            compare(expected.elements, actual.elements, path + "[]", allowedMissing, allowedExtra, out);
        }
    }
}
