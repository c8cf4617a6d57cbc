package dev.hubcord.sharder.support;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.PopulationConfig;
import java.util.function.UnaryOperator;

/** Simulated Discords for the sharder's tests. */
public final class Sims {

    private Sims() {}

    public static DiscordSim start(int shards, int maxConcurrency, long identifyWindowMs, int guilds,
            UnaryOperator<GatewayConfig.Builder> tweak) {
        return start(shards, maxConcurrency, identifyWindowMs, PopulationConfig.defaults().withGuilds(guilds), tweak);
    }

    public static DiscordSim start(int shards, int maxConcurrency, long identifyWindowMs, PopulationConfig population,
            UnaryOperator<GatewayConfig.Builder> tweak) {
        GatewayConfig gateway = tweak.apply(GatewayConfig.builder()
                .recommendedShards(shards)
                .maxConcurrency(maxConcurrency)
                .identifyWindowMs(identifyWindowMs)
                .reconnectCloseDelayMs(200)
                .voiceReplyOrder(GatewayConfig.VoiceReplyOrder.SERVER_FIRST)).build();
        return DiscordSim.start(SimConfig.defaults().withGateway(gateway)
                .withPopulation(population));
    }
}
