package dev.hubcord.discordsim;

import dev.hubcord.discordsim.control.ControlRoutes;
import dev.hubcord.discordsim.control.SimControl;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.rest.AttachmentStore;
import dev.hubcord.discordsim.rest.Interactions;
import dev.hubcord.discordsim.rest.Nonces;
import dev.hubcord.discordsim.rest.Rest;
import dev.hubcord.discordsim.rest.RestContext;
import dev.hubcord.discordsim.rest.SentMessages;
import dev.hubcord.discordsim.server.SimServer;
import dev.hubcord.discordsim.voice.VoiceServer;

/**
 * A simulated Discord (gateway v10 and REST v10) on one loopback port, with a simulated voice server (voice gateway
 * v8 and UDP, on ports of its own) that op 4 sends bots to. Use in tests:
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
    private VoiceServer voice;
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
        voice = VoiceServer.start(config.voice());
        try {
            gateway = new Gateway(config.gateway(), population, config.token(), config.applicationFlags(),
                    config.population().seed(), this::resumeGatewayUrl, this::joinVoice);
            Rest rest = new Rest(config.rest(), restConfig -> new RestContext(population, gateway,
                    new Interactions(() -> restConfig.get().interactionTokenTtlMs()), new SentMessages(),
                    new Nonces(() -> restConfig.get().nonceWindowMs()),
                    restConfig, config.token(), appId, this::gatewayUrl, new AttachmentStore()));
            control = new SimControl(population, gateway, rest, voice);
            server = SimServer.start(config.host(), config.port(), config.eventLoopThreads(), gateway, rest,
                    new ControlRoutes(control, population));
        } catch (RuntimeException e) {
            voice.close();
            throw e;
        }
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

    /**
     * Op 4 put the bot in a voice channel: the voice server learns the channel (its DAVE group), and the bot is sent
     * to it unless the gateway config names another endpoint.
     */
    private String joinVoice(long guildId, long channelId) {
        voice.assignChannel(guildId, channelId);
        String configured = config.gateway().voiceEndpoint();
        return configured != null ? configured : voice.endpoint();
    }

    /** The voice server op 4 sends bots to (VOICE_SERVER_UPDATE's endpoint is {@code voice().endpoint()}). */
    public VoiceServer voice() {
        server();
        return voice;
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
            voice.close();
        }
    }
}
