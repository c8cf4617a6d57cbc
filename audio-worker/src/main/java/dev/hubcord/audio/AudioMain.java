package dev.hubcord.audio;

import dev.hubcord.audio.config.AudioConfig;
import dev.hubcord.audio.config.Setting;
import dev.hubcord.service.boot.ExitCode;
import dev.hubcord.service.boot.RunningService;
import dev.hubcord.service.boot.ServiceBoot;
import dev.hubcord.service.boot.ServiceDefinition;
import dev.hubcord.service.boot.StartFailure;
import dev.hubcord.service.health.HealthEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar audio-worker.jar}: the shared bootstrap ({@link ServiceBoot}) with the worker's {@link Setting}s.
 * Ready while connected to the hub; on SIGTERM it leaves the hub with 1000, which hands its guilds to another worker.
 * Exit codes: 0 after a shutdown, 2 for bad settings (including a library directory that cannot be used), 1 when
 * the hub refuses the worker.
 */
public final class AudioMain {

    private static final Logger log = LoggerFactory.getLogger(AudioMain.class);

    static final ServiceDefinition<Setting, AudioConfig> DEFINITION = new ServiceDefinition<>("audio-worker",
            "The hubcord audio worker: lavaplayer players and Discord voice, driven through the hub.",
            Setting.class, Setting.FLAG_PREFIXES, "AUDIO_CONFIG", AudioConfig::from,
            c -> new HealthEndpoint(c.httpHost(), c.httpPort()), AudioMain::start);

    private AudioMain() {
    }

    public static void main(String[] args) {
        ServiceBoot.main(DEFINITION, args);
    }

    private static RunningService start(AudioConfig config, PrometheusMeterRegistry registry) throws StartFailure {
        AudioWorker worker;
        try {
            worker = new AudioWorker(config);
        } catch (AudioException e) {
            throw new StartFailure(ExitCode.BAD_SETTINGS, e.getMessage());
        }
        worker.bindMetrics(registry);
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        worker.start().whenComplete((identified, error) -> {
            if (error != null) {
                log.error("hub refused the worker: {}", error.getMessage());
                exited.complete(ExitCode.FAILURE);
            } else {
                log.info("connected to the hub as audio, session {}", identified.session());
            }
        });
        return new RunningService() {
            @Override
            public boolean ready() {
                return worker.ready();
            }

            @Override
            public CompletableFuture<Integer> exited() {
                return exited;
            }

            @Override
            public void close() {
                log.info("shutting down: leaving the hub so the guilds move to another worker");
                worker.close();
            }
        };
    }
}
