package dev.hubcord.service.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A service's settings resolved and validated: for each key its default, then each layer in order (a later layer
 * wins unless its value is blank), then the winner is parsed by the declared type. The typed readers cannot fail:
 * every value was checked by {@link #resolve}.
 *
 * @param <S> the service's settings enum
 */
public final class Settings<S extends Enum<S> & SettingKey> {

    private final Map<S, Object> values;
    private final Map<S, String> sources;

    private Settings(Map<S, Object> values, Map<S, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    /**
     * Resolves every key of {@code keys} from its default and {@code layers} (earliest first).
     *
     * @throws SettingException naming the first setting whose value is not allowed, the value (unless secret), where
     *     it came from and what is allowed; or a required setting left empty
     */
    public static <S extends Enum<S> & SettingKey> Settings<S> resolve(Class<S> keys, List<Layer> layers) {
        Map<S, Object> values = new EnumMap<>(keys);
        Map<S, String> sources = new EnumMap<>(keys);
        for (S key : keys.getEnumConstants()) {
            Decl decl = key.decl();
            String text = decl.defaultValue();
            String source = "default";
            for (Layer layer : layers) {
                String candidate = layer.values().get(key.name());
                if (candidate != null && !candidate.isBlank()) {
                    text = candidate.trim();
                    source = layer.source();
                }
            }
            if (text.isBlank()) {
                if (decl.required()) {
                    throw new SettingException(key.name() + " is required (" + decl.type().allowed() + ")");
                }
                continue;
            }
            values.put(key, parse(key, text, source));
            sources.put(key, source);
        }
        return new Settings<>(values, sources);
    }

    /** Parses one value of {@code key}, e.g. a flag; the exception's message is the operator's one line. */
    public static Object parse(SettingKey key, String text, String source) {
        try {
            return key.decl().type().parse(text.trim());
        } catch (IllegalArgumentException e) {
            String shown = key.decl().secret() ? "<hidden>" : "'" + text + "'";
            throw new SettingException("invalid " + key.name() + "=" + shown + " (from " + source + "): allowed "
                    + key.decl().type().allowed());
        }
    }

    /** Whether the key has a value (its default counts). */
    public boolean has(S key) {
        return values.containsKey(key);
    }

    /** Whether a layer set the key, as opposed to its default. */
    public boolean isSet(S key) {
        String source = sources.get(key);
        return source != null && !source.equals("default");
    }

    public int integer(S key) {
        return Math.toIntExact(whole(key));
    }

    public long whole(S key) {
        return (Long) values.get(key);
    }

    public boolean bool(S key) {
        return (Boolean) values.get(key);
    }

    /** The text of a text, secret or one-of setting; {@code ""} when unset. */
    public String text(S key) {
        Object v = values.get(key);
        return v == null ? "" : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<String> items(S key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<String>) v;
    }

    /** {@code null} when unset. */
    public URI uri(S key) {
        return (URI) values.get(key);
    }

    /** {@code null} when unset. */
    public Path path(S key) {
        return (Path) values.get(key);
    }

    /** Every value with secrets shown as {@code <hidden>}: safe to log. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        values.forEach((k, v) -> joiner.add(k.name() + "=" + (k.decl().secret() ? "<hidden>" : v)));
        return joiner.toString();
    }
}
