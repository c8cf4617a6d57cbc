package dev.hubcord.service.boot;

import dev.hubcord.service.health.HealthEndpoint;
import dev.hubcord.service.settings.SettingKey;
import dev.hubcord.service.settings.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.Function;

/**
 * What a service gives the bootstrap: everything else in its {@code main} is shared.
 *
 * @param name the process name in messages and logs ({@code hub}, {@code sharder})
 * @param stripPrefixes removed from setting names to make flags ({@code HUB_PORT} → {@code --port})
 * @param configEnv the variable naming the {@code --config} properties file, or {@code null} for none
 * @param configure turns the validated settings into the service's config; cross-setting rules throw
 *     {@link dev.hubcord.service.settings.SettingException}
 * @param health where {@code /health}, {@code /ready} and {@code /metrics} are served, or {@code null} when the
 *     service serves them itself (the hub, on its one port)
 * @param start starts the service
 * @param <S> the settings enum
 * @param <C> the service's config
 */
public record ServiceDefinition<S extends Enum<S> & SettingKey, C>(
        String name,
        String description,
        Class<S> keys,
        List<String> stripPrefixes,
        String configEnv,
        Function<Settings<S>, C> configure,
        Function<C, HealthEndpoint> health,
        Starter<C> start) {

    /** Starts the service from its config; {@code registry} already has the JVM meters. */
    @FunctionalInterface
    public interface Starter<C> {
        RunningService start(C config, PrometheusMeterRegistry registry) throws Exception;
    }
}
