package dev.hubcord.sharder;

import dev.hubcord.service.boot.ExitCode;
import dev.hubcord.service.boot.RunningService;
import dev.hubcord.service.boot.ServiceBoot;
import dev.hubcord.service.boot.ServiceDefinition;
import dev.hubcord.service.boot.StartFailure;
import dev.hubcord.service.health.HealthEndpoint;
import dev.hubcord.service.settings.SettingException;
import dev.hubcord.service.settings.Settings;
import dev.hubcord.sharder.config.Setting;
import dev.hubcord.sharder.config.SharderConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar sharder.jar}: the shared bootstrap ({@link ServiceBoot}) with the sharder's {@link Setting}s. Ready
 * when the hub session is up and every assigned shard is READY; on SIGTERM it closes the Discord sessions and then the
 * hub session.
 *
 * <p>Exit codes: 0 after a shutdown, 2 for bad settings, 3 when Discord refuses the token, 1 otherwise (including the
 * hub refusing the secret).
 */
public final class SharderMain {

    private static final Logger log = LoggerFactory.getLogger(SharderMain.class);

    /** Discord refused the token (401). */
    static final int DISCORD_AUTH_EXIT = 3;

    static final ServiceDefinition<Setting, SharderConfig> DEFINITION = new ServiceDefinition<>("sharder",
            "Runs the Discord shards the hubcord hub assigns and forwards their events to it.",
            Setting.class, Setting.FLAG_PREFIXES, "SHARDER_CONFIG", SharderMain::configure,
            c -> new HealthEndpoint(c.httpHost(), c.httpPort()), SharderMain::start);

    private SharderMain() {}

    public static void main(String[] args) {
        ServiceBoot.main(DEFINITION, args);
    }

    private static SharderConfig configure(Settings<Setting> settings) {
        try {
            return SharderConfig.from(settings);
        } catch (SharderException e) {
            throw new SettingException(e.getMessage());
        }
    }

    private static RunningService start(SharderConfig config, PrometheusMeterRegistry registry) throws Exception {
        log.info("event=starting config={}", config);
        Sharder sharder;
        try {
            sharder = Sharder.start(config, registry);
        } catch (SharderException e) {
            throw new StartFailure(e.kind() == SharderException.Kind.DISCORD_AUTH ? DISCORD_AUTH_EXIT : ExitCode.FAILURE,
                    e.kind() + ": " + e.getMessage());
        }
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        sharder.connected().whenComplete((ok, error) -> {
            if (error != null) {
                log.error("event=hub_refused detail=\"{}\"", error.getMessage());
                exited.complete(ExitCode.FAILURE);
            }
        });
        return new RunningService() {
            @Override
            public boolean ready() {
                return sharder.ready();
            }

            @Override
            public String health() {
                return sharder.health();
            }

            @Override
            public CompletableFuture<Integer> exited() {
                return exited;
            }

            @Override
            public void close() {
                sharder.close();
            }
        };
    }
}
