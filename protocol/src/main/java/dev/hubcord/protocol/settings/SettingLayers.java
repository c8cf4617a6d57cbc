package dev.hubcord.protocol.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One service's settings resolved from its layers. Keys are the enum constants' names ({@code HUB_PORT}); a layer's
 * value wins over the earlier layers' unless it is blank; unknown keys in a layer are ignored (the environment holds
 * plenty). The typed readers throw the service's own exception, made by {@code error} from the message.
 *
 * @param <S> the service's setting keys
 */
public final class SettingLayers<S extends Enum<S>> {

    private final Map<S, String> values;
    private final Function<String, ? extends RuntimeException> error;

    private SettingLayers(Map<S, String> values, Function<String, ? extends RuntimeException> error) {
        this.values = values;
        this.error = error;
    }

    /**
     * Resolves every key of {@code keys}: its default, then each layer in order, later ones winning.
     *
     * @param layers e.g. {@code List.of(file, env, flags)}
     */
    public static <S extends Enum<S>> SettingLayers<S> resolve(Class<S> keys, Function<S, String> defaults,
            Function<String, ? extends RuntimeException> error, List<Map<String, String>> layers) {
        Map<S, String> values = new EnumMap<>(keys);
        for (S key : keys.getEnumConstants()) {
            String value = defaults.apply(key);
            for (Map<String, String> layer : layers) {
                String candidate = layer.get(key.name());
                if (candidate != null && !candidate.isBlank()) {
                    value = candidate.trim();
                }
            }
            values.put(key, value);
        }
        return new SettingLayers<>(values, error);
    }

    /** Every resolved value, read-only. */
    public Map<S, String> values() {
        return Collections.unmodifiableMap(values);
    }

    public String get(S key) {
        return values.get(key);
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(S key, int min, int max) {
        return (int) longInteger(key, min, max);
    }

    /** A whole number in {@code [min, max]}. */
    public long longInteger(S key, long min, long max) {
        String value = values.get(key);
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw error.apply(key.name() + " must be a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw error.apply(key.name() + " must be between " + min + " and " + max + ", got " + value);
        }
        return n;
    }

    /** {@code true/1/yes} or {@code false/0/no}, in any case. */
    public boolean bool(S key) {
        String value = values.get(key);
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw error.apply(key.name() + " must be true or false, got '" + value + "'");
        };
    }
}
