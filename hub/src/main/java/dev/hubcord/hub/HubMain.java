package dev.hubcord.hub;

import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.config.Setting;
import dev.hubcord.service.boot.ExitCode;
import dev.hubcord.service.boot.RunningService;
import dev.hubcord.service.boot.ServiceBoot;
import dev.hubcord.service.boot.ServiceDefinition;
import dev.hubcord.service.boot.StartFailure;
import dev.hubcord.service.health.JvmMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar hub.jar}: the shared bootstrap ({@link ServiceBoot}) with the hub's {@link Setting}s. The hub serves
 * {@code /health}, {@code /ready} and {@code /metrics} on its one port, so it asks the bootstrap for no port of its own;
 * its registry gets the JVM meters. On SIGTERM it closes every client with 1001.
 */
public final class HubMain {

    private static final Logger log = LoggerFactory.getLogger(HubMain.class);

    /** The hub as the bootstrap runs it. */
    static final ServiceDefinition<Setting, HubConfig> DEFINITION = new ServiceDefinition<>("hub",
            "The hubcord hub: WebSocket routing for Discord bot services, REST, health and metrics on one port.",
            Setting.class, Setting.FLAG_PREFIXES, "HUB_CONFIG", HubConfig::from, null, HubMain::start);

    private HubMain() {
    }

    public static void main(String[] args) {
        ServiceBoot.main(DEFINITION, args);
    }

    private static RunningService start(HubConfig config, io.micrometer.prometheusmetrics.PrometheusMeterRegistry unused) throws Exception {
        if (config.demo()) {
            log.warn("demo mode: bound to {}{}", config.host(), config.secret().equals(HubConfig.DEMO_SECRET)
                    ? " with the demo secret (set HUB_SECRET for a real one)" : "");
        }
        HubServer server;
        try {
            server = HubServer.start(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception e) {
            throw new StartFailure(ExitCode.FAILURE, "cannot listen on " + config.host() + ":" + config.port() + ": " + e);
        }
        JvmMetrics.bind(server.core().metrics().registry());
        return new RunningService() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void close() {
                log.info("shutting down: closing clients with 1001");
                server.close();
            }
        };
    }
}
