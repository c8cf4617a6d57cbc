package dev.hubcord.commands.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * {@code commands_total{name,outcome}} and the latency histogram {@code commands_duration_seconds{name,outcome}}.
 * {@code name} is a registered command's name or {@code unknown} — never what a user typed, so the series stay as few
 * as the commands. Outcomes: {@code ok}, {@code unknown}, {@code usage}, {@code refused}, {@code discord_error},
 * {@code hub_error}, {@code interrupted}, {@code error}, {@code answer_failed}.
 */
public final class CommandMetrics {

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts nowhere that is shown: for workers started without a registry (tests, embedding). */
    public static CommandMetrics none() {
        return new CommandMetrics(new SimpleMeterRegistry());
    }

    public void record(String name, String outcome, long nanos) {
        Counter.builder("commands").description("commands run, by name and outcome").tag("name", name)
                .tag("outcome", outcome).register(registry).increment();
        Timer.builder("commands.duration").description("time from a command's arrival to its answer")
                .tag("name", name).tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(Duration.ofNanos(nanos));
    }
}
