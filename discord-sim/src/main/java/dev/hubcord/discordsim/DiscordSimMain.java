package dev.hubcord.discordsim;

import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.service.boot.RunningService;
import dev.hubcord.service.boot.ServiceBoot;
import dev.hubcord.service.boot.ServiceDefinition;
import dev.hubcord.service.settings.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator as its own process until SIGTERM / Ctrl-C, through the shared bootstrap. It is Discord's stand-in,
 * not a hubcord service: its health is {@code /_sim/health} on its own port, and it has no metrics port.
 */
public final class DiscordSimMain {

    static final ServiceDefinition<SimSetting, SimConfig> DEFINITION = new ServiceDefinition<>("discord-sim",
            "A simulated Discord gateway v10 and REST v10 server on a loopback port, with a voice server.",
            SimSetting.class, SimSetting.FLAG_PREFIXES, null, DiscordSimMain::configure, null, DiscordSimMain::start);

    private DiscordSimMain() {
    }

    static SimConfig configure(Settings<SimSetting> s) {
        SimConfig cfg = s.has(SimSetting.SIM_CONFIG) ? SimConfig.fromFile(s.path(SimSetting.SIM_CONFIG))
                : SimConfig.defaults();
        if (s.has(SimSetting.SIM_PORT)) {
            cfg = cfg.withPort(s.integer(SimSetting.SIM_PORT));
        }
        PopulationConfig pop = cfg.population();
        if (s.has(SimSetting.SIM_GUILDS)) {
            pop = pop.withGuilds(s.integer(SimSetting.SIM_GUILDS));
        }
        if (s.has(SimSetting.SIM_SEED)) {
            pop = pop.withSeed(s.whole(SimSetting.SIM_SEED));
        }
        cfg = cfg.withPopulation(pop);
        if (s.has(SimSetting.SIM_TOKEN)) {
            cfg = cfg.withToken(s.text(SimSetting.SIM_TOKEN));
        }
        return cfg;
    }

    private static RunningService start(SimConfig cfg, PrometheusMeterRegistry unused) {
        Logger log = LoggerFactory.getLogger(DiscordSimMain.class);
        DiscordSim sim = DiscordSim.start(cfg);
        log.info("discord-sim listening: gateway {} api {} control {} voice {} (udp {}) ({} guilds, bot {})",
                sim.gatewayUrl(), sim.apiBaseUrl(), sim.controlUrl(), sim.voice().endpoint(), sim.voice().udpPort(),
                sim.population().guilds().size(), Long.toUnsignedString(sim.applicationId()));
        // Machine-readable line for scripts that start the simulator on an ephemeral port.
        System.out.println("DISCORD_SIM_PORT=" + sim.port());
        return new RunningService() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    public static void main(String[] args) {
        // A named resource, not logback.xml, so embedding the library never overrides another module's logging.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "discord-sim-logback.xml");
        }
        ServiceBoot.main(DEFINITION, args);
    }
}
