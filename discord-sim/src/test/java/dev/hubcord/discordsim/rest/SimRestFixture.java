package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;

/** A started sim, a REST client with the bot's token, and one identified shard past its GUILD_CREATEs. */
final class SimRestFixture implements AutoCloseable {

    final DiscordSim sim;
    final RestClient rest;
    final TestGatewayClient gateway;
    final SimGuild guild;

    /** GUILD_MESSAGE_REACTIONS and GUILD_MESSAGE_TYPING on top of the usual test intents. */
    static final long WITH_REACTIONS_AND_TYPING = INTENTS | 1024 | 2048;

    SimRestFixture() {
        this(INTENTS);
    }

    SimRestFixture(long intents) {
        sim = Sims.start();
        rest = new RestClient(sim.apiBaseUrl(), sim.token());
        guild = sim.population().guilds().getFirst();
        gateway = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        gateway.nextOp(10);
        gateway.send(identify(sim.token(), intents, 0, 1));
        for (int i = 0; i <= sim.population().guilds().size(); i++) {
            gateway.nextOp(0); // READY and every GUILD_CREATE
        }
    }

    long channel(String name) {
        return guild.snapshot().channels().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(SimChannel::id).orElseThrow();
    }

    static String id(long v) {
        return Long.toUnsignedString(v);
    }

    /** POSTs a bot message and returns it (asserting 200). */
    JsonNode post(long channel, String body) {
        RestClient.Result r = rest.call("POST", "/channels/" + id(channel) + "/messages", body);
        if (r.status() != 200) {
            throw new AssertionError("POST message: " + r.status() + " " + r.response().body());
        }
        return r.json();
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }
}
