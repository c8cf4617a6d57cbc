package dev.hubcord.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything configurable about one simulator instance.
 *
 * @param host loopback address to bind
 * @param port 0 = ephemeral
 * @param token the bot token (IDENTIFY {@code token}, REST {@code Authorization: Bot <token>})
 * @param applicationFlags application flags; the GATEWAY_* bits decide which privileged intents are allowed (4014)
 * @param eventLoopThreads Netty event loop threads
 * @param gateway gateway behaviour
 * @param rest REST limits and deadlines
 * @param population the simulated guilds, users and channels
 * @param voice the voice server the simulator runs beside its gateway (op 4 sends bots there)
 */
public record SimConfig(
        String host,
        int port,
        String token,
        long applicationFlags,
        int eventLoopThreads,
        GatewayConfig gateway,
        RestConfig rest,
        PopulationConfig population,
        VoiceServerConfig voice) {

    /** All three privileged intents allowed (GATEWAY_PRESENCE, GATEWAY_GUILD_MEMBERS, GATEWAY_MESSAGE_CONTENT). */
    public static final long ALL_PRIVILEGED_FLAGS = (1L << 12) | (1L << 14) | (1L << 18);

    public SimConfig {
        if (port < 0 || port > 65_535 || eventLoopThreads < 1 || token == null || token.isBlank()) {
            throw new SimException(SimException.Kind.CONFIG, "port, threads or token out of range");
        }
        if (gateway == null || rest == null || population == null || voice == null) {
            throw new SimException(SimException.Kind.CONFIG, "gateway, rest, population and voice are required");
        }
    }

    public static SimConfig defaults() {
        return new SimConfig("127.0.0.1", 0, "SIM.BOT.TOKEN-sim-discord", ALL_PRIVILEGED_FLAGS, 2,
                GatewayConfig.defaults(), RestConfig.defaults(), PopulationConfig.defaults(),
                VoiceServerConfig.defaults());
    }

    public SimConfig withPort(int newPort) {
        return new SimConfig(host, newPort, token, applicationFlags, eventLoopThreads,
                gateway, rest, population, voice);
    }

    public SimConfig withToken(String newToken) {
        return new SimConfig(host, port, newToken, applicationFlags, eventLoopThreads,
                gateway, rest, population, voice);
    }

    public SimConfig withApplicationFlags(long flags) {
        return new SimConfig(host, port, token, flags, eventLoopThreads, gateway, rest, population, voice);
    }

    public SimConfig withGateway(GatewayConfig newGateway) {
        return new SimConfig(host, port, token, applicationFlags, eventLoopThreads,
                newGateway, rest, population, voice);
    }

    public SimConfig withRest(RestConfig newRest) {
        return new SimConfig(host, port, token, applicationFlags, eventLoopThreads,
                gateway, newRest, population, voice);
    }

    public SimConfig withPopulation(PopulationConfig newPopulation) {
        return new SimConfig(host, port, token, applicationFlags, eventLoopThreads,
                gateway, rest, newPopulation, voice);
    }

    public SimConfig withVoice(VoiceServerConfig newVoice) {
        return new SimConfig(host, port, token, applicationFlags, eventLoopThreads,
                gateway, rest, population, newVoice);
    }

    /**
     * Reads a JSON config file. Keys are the record component names ({@code gateway.identifyWindowMs},
     * {@code voice.transitionTimeoutMs}, …); any key
     * left out keeps its default, so a file only lists what it changes.
     */
    public static SimConfig fromFile(Path file) {
        try {
            JsonNode overrides = Json.MAPPER.readTree(Files.readString(file));
            if (!overrides.isObject()) {
                throw new SimException(SimException.Kind.CONFIG, file + " must hold a JSON object");
            }
            ObjectNode merged = Json.MAPPER.valueToTree(defaults());
            merge(merged, (ObjectNode) overrides);
            return Json.MAPPER.treeToValue(merged, SimConfig.class);
        } catch (IOException e) {
            throw new SimException(SimException.Kind.CONFIG, "cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        for (Map.Entry<String, JsonNode> f : overrides.properties()) {
            JsonNode existing = target.get(f.getKey());
            if (existing instanceof ObjectNode obj && f.getValue() instanceof ObjectNode sub) {
                merge(obj, sub);
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }
}
