package dev.hubcord.discordsim.support;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.PopulationConfig;
import java.util.function.UnaryOperator;

/** Small simulators for tests: a handful of guilds, quick windows. */
public final class Sims {

    private Sims() {}

    public static PopulationConfig smallPopulation() {
        return new PopulationConfig(7, 6, 200, 12, 0, 300, 3, 2, 4, 2, 3, 30, "TestBot");
    }

    public static DiscordSim start(UnaryOperator<GatewayConfig.Builder> gateway) {
        GatewayConfig g = gateway.apply(GatewayConfig.builder().identifyWindowMs(50)).build();
        return DiscordSim.start(SimConfig.defaults().withGateway(g).withPopulation(smallPopulation()));
    }

    public static DiscordSim start() {
        return start(b -> b);
    }
}
