package dev.hubcord.discordsim;

import dev.hubcord.discordsim.population.PopulationConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the simulator as its own process until SIGTERM / Ctrl-C. */
@Command(name = "discord-sim", mixinStandardHelpOptions = true,
        description = "A simulated Discord gateway v10 and REST v10 server on a loopback port, with a voice server.")
public final class DiscordSimMain implements Callable<Integer> {

    @Option(names = "--config", description = "JSON config file; keys it leaves out keep their defaults")
    private Path config;

    @Option(names = "--port", description = "port to listen on (default: from config, else 0 = ephemeral)")
    private Integer port;

    @Option(names = "--guilds", description = "population size: number of guilds")
    private Integer guilds;

    @Option(names = "--seed", description = "population seed (same seed = same ids)")
    private Long seed;

    @Option(names = "--token", description = "bot token clients must use")
    private String token;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        SimConfig cfg = config == null ? SimConfig.defaults() : SimConfig.fromFile(config);
        if (port != null) {
            cfg = cfg.withPort(port);
        }
        PopulationConfig pop = cfg.population();
        if (guilds != null) {
            pop = pop.withGuilds(guilds);
        }
        if (seed != null) {
            pop = pop.withSeed(seed);
        }
        cfg = cfg.withPopulation(pop);
        if (token != null) {
            cfg = cfg.withToken(token);
        }
        Logger log = LoggerFactory.getLogger(DiscordSimMain.class);
        DiscordSim sim = DiscordSim.start(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "discord-sim-shutdown"));
        log.info("discord-sim listening: gateway {} api {} control {} voice {} (udp {}) ({} guilds, bot {})",
                sim.gatewayUrl(), sim.apiBaseUrl(), sim.controlUrl(), sim.voice().endpoint(), sim.voice().udpPort(),
                sim.population().guilds().size(), Long.toUnsignedString(sim.applicationId()));
        // Machine-readable line for scripts that start the simulator on an ephemeral port.
        System.out.println("DISCORD_SIM_PORT=" + sim.port());
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        // A named resource, not logback.xml, so embedding the library never overrides another module's logging.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "discord-sim-logback.xml");
        }
        System.exit(new CommandLine(new DiscordSimMain()).execute(args));
    }
}
