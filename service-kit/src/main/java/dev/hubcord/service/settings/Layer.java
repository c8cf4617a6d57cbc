package dev.hubcord.service.settings;

import java.util.Map;

/**
 * One source of setting values, keyed by setting name: a properties file, the environment or the flags. {@code
 * source} names it in error messages ({@code "--config app.properties"}, {@code "environment"}).
 */
public record Layer(String source, Map<String, String> values) {

    public Layer {
        values = Map.copyOf(values);
    }
}
