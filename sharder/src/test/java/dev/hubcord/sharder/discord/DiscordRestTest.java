package dev.hubcord.sharder.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.sharder.SharderException;
import dev.hubcord.sharder.metrics.SharderMetrics;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /gateway/bot} through the shared client, against the simulated Discord. */
class DiscordRestTest {

    static DiscordSim sim;

    @BeforeAll
    static void start() {
        sim = DiscordSim.start(SimConfig.defaults());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void readsTheGatewayAndTheShardAdvice() throws Exception {
        GatewayBot bot = new DiscordRest(URI.create(sim.apiBaseUrl()), sim.token()).gatewayBot(Duration.ofSeconds(10));
        assertThat(bot.url()).startsWith("ws");
        assertThat(bot.shards()).isPositive();
        assertThat(bot.maxConcurrency()).isPositive();
    }

    @Test
    void theCallIsCountedInTheSharderRegistry() throws Exception {
        SharderMetrics metrics = new SharderMetrics();
        new DiscordRest(URI.create(sim.apiBaseUrl()), sim.token(), metrics.registry()).gatewayBot(Duration.ofSeconds(10));
        assertThat(metrics.scrape())
                .contains("discord_rest_requests_total{route=\"GET /gateway/bot\",status=\"200\"} 1.0")
                .contains("discord_rest_permit_wait_seconds");
    }

    @Test
    void aRefusedTokenIsFinal() {
        assertThatThrownBy(() -> new DiscordRest(URI.create(sim.apiBaseUrl()), "wrong").gatewayBot(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SharderException.class,
                        e -> assertThat(e.kind()).isEqualTo(SharderException.Kind.DISCORD_AUTH));
    }
}
