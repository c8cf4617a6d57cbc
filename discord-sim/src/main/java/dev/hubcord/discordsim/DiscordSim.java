package dev.hubcord.discordsim;

import dev.hubcord.discordsim.control.ControlRoutes;
import dev.hubcord.discordsim.control.SimControl;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.rest.Interactions;
import dev.hubcord.discordsim.rest.Rest;
import dev.hubcord.discordsim.rest.RestContext;
import dev.hubcord.discordsim.server.SimServer;

/**
 * A simulated Discord (gateway v10 and REST v10) on one loopback port. Use in tests:
 *
 * <pre>{@code
 * try (DiscordSim sim = DiscordSim.start(SimConfig.defaults())) {
 *     connect(sim.gatewayUrl() + "?v=10&encoding=json", sim.token());
 *     sim.control().events().messageCreate(channelId, userId, "!ping");
 * }
 * }</pre>
 *
 * It knows nothing of the hub; it speaks Discord's protocol only.
 */
public final class DiscordSim implements AutoCloseable {

    private final SimConfig config;
    private final Population population;
    private volatile SimServer server;
    private Gateway gateway;
    private SimControl control;

    public DiscordSim(SimConfig config) {
        this.config = config;
        this.population = Population.generate(config.population());
    }

    public static DiscordSim start(SimConfig config) {
        return new DiscordSim(config).start();
    }

    /** Binds the port and starts serving; returns this. */
    public synchronized DiscordSim start() {
        if (server != null) {
            throw new SimException(SimException.Kind.STARTUP, "already started");
        }
        long appId = population.bot().id();
        gateway = new Gateway(config.gateway(), population, config.token(), config.applicationFlags(),
                config.population().seed(), this::resumeGatewayUrl, this::voiceEndpoint);
        Rest rest = new Rest(config.rest(), restConfig -> new RestContext(population, gateway, new Interactions(),
                restConfig, config.token(), appId, this::gatewayUrl));
        control = new SimControl(population, gateway, rest);
        server = SimServer.start(config.host(), config.port(), config.eventLoopThreads(), gateway, rest,
                new ControlRoutes(control, population));
        return this;
    }

    private SimServer server() {
        SimServer s = server;
        if (s == null) {
            throw new SimException(SimException.Kind.STARTUP, "not started");
        }
        return s;
    }

    public int port() {
        return server().port();
    }

    /** What {@code GET /gateway/bot} returns as {@code url}; append {@code ?v=10&encoding=json[&compress=…]}. */
    public String gatewayUrl() {
        return "ws://" + config.host() + ":" + port() + "/";
    }

    /** READY's {@code resume_gateway_url}: a different path, so tests can see that clients resume on it. */
    public String resumeGatewayUrl() {
        return "ws://" + config.host() + ":" + port() + "/resume";
    }

    /** REST base, e.g. {@code http://127.0.0.1:PORT/api/v10}. */
    public String apiBaseUrl() {
        return "http://" + config.host() + ":" + port() + "/api/v10";
    }

    /** Base of the HTTP control API, e.g. {@code http://127.0.0.1:PORT/_sim}. */
    public String controlUrl() {
        return "http://" + config.host() + ":" + port() + "/_sim";
    }

    private String voiceEndpoint() {
        String configured = config.gateway().voiceEndpoint();
        return configured != null ? configured : config.host() + ":" + port();
    }

    public String token() {
        return config.token();
    }

    /** The application id, equal to the bot user's id (as for modern Discord applications). */
    public long applicationId() {
        return population.bot().id();
    }

    public SimConfig config() {
        return config;
    }

    public Population population() {
        return population;
    }

    public SimControl control() {
        server();
        return control;
    }

    @Override
    public synchronized void close() {
        SimServer s = server;
        if (s != null) {
            s.close();
        }
    }
}
