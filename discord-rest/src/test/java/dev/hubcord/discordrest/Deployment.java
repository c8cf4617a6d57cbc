package dev.hubcord.discordrest;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.hub.HubServer;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real simulated Discord, a real hub on a real port, and REST clients each with its own hub connection. */
final class Deployment implements AutoCloseable {

    static final String SECRET = "ratelimit-test-secret";

    final DiscordSim sim;
    HubServer hub;
    private int hubPort;
    final List<HubClient> hubClients = new ArrayList<>();
    final List<DiscordRest> clients = new ArrayList<>();
    final List<HubRateLimits> limits = new ArrayList<>();

    final List<SimpleMeterRegistry> registries = new ArrayList<>();

    Deployment(RestConfig rest, int clientCount) throws Exception {
        this(rest, clientCount, true);
    }

    /** {@code coordinated}: the clients' limits come from the hub; otherwise each keeps its own (the old way). */
    Deployment(RestConfig rest, int clientCount, boolean coordinated) throws Exception {
        this.sim = DiscordSim.start(SimConfig.defaults().withRest(rest)
                .withPopulation(PopulationConfig.defaults().withGuilds(10).withMembers(10, 0, 1)));
        startHub(0);
        for (int i = 0; i < clientCount; i++) {
            HubClient hc = HubClient.create(HubClientOptions.builder(URI.create("ws://127.0.0.1:" + hubPort + "/ws/v1"),
                    ServiceType.COMMANDS, SECRET).name("rest-" + i)
                    .reconnectDelay(Duration.ofMillis(50), Duration.ofMillis(300)).build());
            hc.connect().get(10, TimeUnit.SECONDS);
            RestOptions options = RestOptions.defaults(URI.create(sim.apiBaseUrl()), sim.token());
            hubClients.add(hc);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            registries.add(registry);
            if (coordinated) {
                HubRateLimits hl = HubRateLimits.of(hc, options);
                limits.add(hl);
                clients.add(new DiscordRest(options, hl, registry));
            } else {
                clients.add(new DiscordRest(options, LocalRateLimits.of(options), registry));
            }
        }
    }

    void startHub(int port) throws InterruptedException {
        hub = HubServer.start(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", SECRET,
                "HUB_HOST", "127.0.0.1", "HUB_PORT", Integer.toString(port), "HUB_IO_THREADS", "1")));
        hubPort = hub.port();
    }

    void restartHub() throws InterruptedException {
        startHub(hubPort);
    }

    /** Text channels the bot may write to (no overwrites). */
    List<Long> channels() {
        return sim.population().guilds().stream().flatMap(g -> g.snapshot().channels().stream())
                .filter(c -> c.type() == SimChannel.TEXT).filter(c -> c.overwrites().isEmpty())
                .map(SimChannel::id).toList();
    }

    /** Bot message creates the sim answered, oldest first. */
    List<RestExchange.Recorded> posts() {
        return sim.control().restRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/messages")).toList();
    }

    @Override
    public void close() {
        clients.forEach(DiscordRest::close);
        hubClients.forEach(HubClient::close);
        if (hub != null) {
            hub.close();
        }
        sim.close();
    }
}
