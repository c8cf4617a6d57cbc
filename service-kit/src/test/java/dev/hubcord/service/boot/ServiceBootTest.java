package dev.hubcord.service.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.service.health.HealthEndpoint;
import dev.hubcord.service.settings.DemoSetting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceBootTest {

    /** A service that is ready when told and stops when {@code exit} completes. */
    private static final class Fake implements RunningService {
        final AtomicBoolean ready = new AtomicBoolean();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public boolean ready() {
            return ready.get();
        }

        @Override
        public CompletableFuture<Integer> exited() {
            return exit;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static ServiceDefinition<DemoSetting, Integer> definition(Fake fake) {
        return new ServiceDefinition<>("demo", "A demo.", DemoSetting.class, List.of("DEMO_"), "DEMO_CONFIG",
                s -> s.integer(DemoSetting.DEMO_PORT), port -> new HealthEndpoint("127.0.0.1", port),
                (port, registry) -> {
                    registry.counter("demo_things_total").increment();
                    return fake;
                });
    }

    @Test
    void aBadValueIsOneLineAndExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ServiceBoot.run(definition(new Fake()), new String[0],
                Map.of("DEMO_SECRET", "s", "DEMO_TIMEOUT_MS", "nope"), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ExitCode.BAD_SETTINGS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("demo: invalid DEMO_TIMEOUT_MS='nope' (from environment): allowed 100..60000"
                        + System.lineSeparator());
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(ServiceBoot.run(definition(new Fake()), new String[] {"--port", "x"}, Map.of("DEMO_SECRET", "s"),
                new PrintStream(err2, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        ByteArrayOutputStream err3 = new ByteArrayOutputStream();
        assertThat(ServiceBoot.run(definition(new Fake()), new String[0], Map.of("LOG_FORMAT", "xml"),
                new PrintStream(err3, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err3.toString(StandardCharsets.UTF_8)).contains("LOG_FORMAT='xml'", "text|json");
    }

    @Test
    void servesHealthReadyAndMetricsUntilTheServiceStops() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Fake fake = new Fake();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> ServiceBoot.run(definition(fake),
                new String[] {"--port", Integer.toString(port)}, Map.of("DEMO_SECRET", "s")));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> get(http, port, "/health").statusCode() == 200);
        assertThat(get(http, port, "/ready").statusCode()).isEqualTo(503);
        fake.ready.set(true);
        assertThat(get(http, port, "/ready").statusCode()).isEqualTo(200);
        String metrics = get(http, port, "/metrics").body();
        assertThat(metrics).contains("demo_things_total 1.0", "jvm_memory_used_bytes", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds", "jvm_gc_");
        assertThat(get(http, port, "/nope").statusCode()).isEqualTo(404);
        fake.exit.complete(7);
        assertThat(code.get()).isEqualTo(7);
        assertThat(fake.closes.get()).isGreaterThanOrEqualTo(1);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
