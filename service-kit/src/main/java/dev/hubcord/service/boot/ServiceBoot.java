package dev.hubcord.service.boot;

import dev.hubcord.service.health.HealthEndpoint;
import dev.hubcord.service.health.HealthServer;
import dev.hubcord.service.health.JvmMetrics;
import dev.hubcord.service.settings.ConfigFile;
import dev.hubcord.service.settings.Layer;
import dev.hubcord.service.settings.SettingException;
import dev.hubcord.service.settings.Settings;
import dev.hubcord.service.settings.SettingsCli;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up every Main shares. In order: flags, {@code --config} file and environment layered (defaults &lt; file
 * &lt; environment &lt; flags) and validated — a bad value prints one line and exits 2; logging set up ({@code
 * LOG_FORMAT}); the health port opened; the service started with a Prometheus registry holding the JVM meters; then it
 * runs until SIGTERM/SIGINT or until it stops on its own. Shutdown order: the health port closes first (so a
 * load balancer stops sending), then the service, then logging is flushed by the JVM's logback hook.
 */
public final class ServiceBoot {

    private ServiceBoot() {
    }

    /** For {@code main}: runs and exits with the code. */
    public static void main(ServiceDefinition<?, ?> definition, String[] args) {
        System.exit(run(definition, args, System.getenv()));
    }

    /** Runs the service until it stops; returns the exit code ({@link ExitCode}). */
    public static <S extends Enum<S> & dev.hubcord.service.settings.SettingKey, C> int run(
            ServiceDefinition<S, C> def, String[] args, Map<String, String> env) {
        return run(def, args, env, System.err);
    }

    /** As {@link #run(ServiceDefinition, String[], Map)}, with the one-line errors going to {@code err}. */
    public static <S extends Enum<S> & dev.hubcord.service.settings.SettingKey, C> int run(
            ServiceDefinition<S, C> def, String[] args, Map<String, String> env, PrintStream err) {
        C config;
        String logFormat;
        try {
            SettingsCli<S> cli = new SettingsCli<>(def.name(), def.description(), def.keys(), def.stripPrefixes(),
                    def.configEnv());
            SettingsCli.Parsed parsed = cli.parse(args);
            if (parsed.helpShown()) {
                return ExitCode.OK;
            }
            List<Layer> layers = new ArrayList<>();
            String file = parsed.configFile() != null ? parsed.configFile()
                    : def.configEnv() == null ? null : env.get(def.configEnv());
            if (file != null && !file.isBlank()) {
                Layer fileLayer = ConfigFile.read(Path.of(file));
                warnUnknown(def, fileLayer, err);
                layers.add(fileLayer);
            }
            layers.add(new Layer("environment", env));
            logFormat = Settings.resolve(LogSetting.class, layers).text(LogSetting.LOG_FORMAT);
            layers.add(new Layer("flags", parsed.flags()));
            Settings<S> settings = Settings.resolve(def.keys(), layers);
            config = def.configure().apply(settings);
        } catch (SettingException e) {
            err.println(def.name() + ": " + e.getMessage());
            return ExitCode.BAD_SETTINGS;
        } catch (RuntimeException e) {
            // a configure step that reads more than the settings (a JSON file, say) failed: still one line, exit 2
            err.println(def.name() + ": " + e.getMessage());
            return ExitCode.BAD_SETTINGS;
        }
        LogSetup.apply(logFormat, def.name());
        Logger log = LoggerFactory.getLogger(ServiceBoot.class);
        PrometheusMeterRegistry registry = JvmMetrics.bind(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        // the port opens before the service starts (which may wait on Discord or the hub): liveness answers at once,
        // readiness says 503 until the service is up and says it is ready
        AtomicReference<RunningService> running = new AtomicReference<>();
        HealthServer health;
        HealthEndpoint endpoint = def.health() == null ? null : def.health().apply(config);
        try {
            health = endpoint == null || !endpoint.enabled() ? null : HealthServer.start(endpoint.host(), endpoint.port(),
                    () -> running.get() == null ? "{\"status\":\"starting\"}" : running.get().health(),
                    () -> running.get() != null && running.get().ready(), registry);
        } catch (Exception e) {
            log.error("event=start_failed service={} detail=\"cannot listen on {}:{} for /health: {}\"", def.name(),
                    endpoint.host(), endpoint.port(), e.getMessage());
            return ExitCode.FAILURE;
        }
        if (health != null) {
            log.info("event=http_listening host={} port={} service={} paths=/health,/ready,/metrics", endpoint.host(),
                    health.port(), def.name());
        }
        RunningService service;
        try {
            service = def.start().start(config, registry);
        } catch (StartFailure e) {
            log.error("event=start_failed service={} detail=\"{}\"", def.name(), e.getMessage());
            closeQuietly(health);
            return e.exitCode();
        } catch (Exception e) {
            log.error("event=start_failed service={} detail=\"{}\"", def.name(), e.toString());
            closeQuietly(health);
            return ExitCode.FAILURE;
        }
        running.set(service);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        service.exited().whenComplete((code, error) -> done.complete(error != null || code == null
                ? ExitCode.FAILURE : code));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("event=shutting_down service={}", def.name());
            stop(health, service);
            done.complete(ExitCode.OK);
        }, def.name() + "-shutdown"));
        int code;
        try {
            code = done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = ExitCode.FAILURE;
        } catch (ExecutionException e) {
            code = ExitCode.FAILURE;
        }
        if (code != ExitCode.OK) {
            log.error("event=stopped service={} exit={}", def.name(), code);
            stop(health, service);
        }
        return code;
    }

    private static void stop(HealthServer health, RunningService service) {
        closeQuietly(health);
        service.close();
    }

    private static void closeQuietly(HealthServer health) {
        if (health != null) {
            health.close();
        }
    }

    private static void warnUnknown(ServiceDefinition<?, ?> def, Layer file, PrintStream err) {
        for (String key : file.values().keySet()) {
            boolean known = key.equals(LogSetting.LOG_FORMAT.name())
                    || Arrays.stream(def.keys().getEnumConstants()).anyMatch(k -> k.name().equals(key));
            if (!known) {
                err.println(def.name() + ": " + file.source() + ": unknown key " + key + " ignored");
            }
        }
    }
}
