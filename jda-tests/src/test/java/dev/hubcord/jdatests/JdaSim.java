package dev.hubcord.jdatests;

import static org.awaitility.Awaitility.await;

import com.neovisionaries.ws.client.WebSocketFactory;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.rest.RestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

/**
 * A simulator and a two-shard JDA {@link ShardManager} logged into it, with every event JDA fired recorded.
 * The non-default JDA settings that concern the simulator: the REST base URL, and a WebSocket factory that trusts
 * the simulated voice gateway's certificate.
 */
final class JdaSim implements AutoCloseable {

    static final int SHARDS = 2;
    /** Events kept for assertions; a scenario produces a few hundred, so past this the oldest are dropped. */
    private static final int MAX_EVENTS = 10_000;

    final DiscordSim sim;
    final ShardManager jda;
    private final List<GenericEvent> events = new ArrayList<>();

    private JdaSim(DiscordSim sim, UnaryOperator<DefaultShardManagerBuilder> jdaSettings) {
        this.sim = sim;
        EventListener recorder = this::record;
        this.jda = jdaSettings.apply(DefaultShardManagerBuilder.createDefault(sim.token())
                .enableIntents(EnumSet.of(GatewayIntent.GUILD_MEMBERS, GatewayIntent.MESSAGE_CONTENT,
                        GatewayIntent.GUILD_VOICE_STATES))
                .setChunkingFilter(ChunkingFilter.ALL)
                .setMemberCachePolicy(MemberCachePolicy.ALL)
                .setShardsTotal(SHARDS)
                // JDA's RestConfig (the sim has one of the same name): points JDA's REST calls at the sim
                .setRestConfig(new net.dv8tion.jda.api.requests.RestConfig().setBaseUrl(sim.apiBaseUrl() + "/"))
                // JDA opens wss:// to the voice endpoint: its WebSocket factory trusts the sim's voice CA
                .setWebsocketFactory(new WebSocketFactory().setSSLContext(sim.voice().tls().clientContext()))
                .addEventListeners(recorder))
                .build();
    }

    /** A small world: 6 guilds, one of them large (so GUILD_CREATE is partial and only op 8 completes it). */
    static PopulationConfig population() {
        return new PopulationConfig(7, 6, 200, 12, 3, 150, 3, 2, 4, 2, 3, 30, "JdaBot");
    }

    static JdaSim start() {
        return start(RestConfig.defaults());
    }

    static JdaSim start(RestConfig rest) {
        return start(rest, b -> b);
    }

    /** With REST limits and gateway settings of the test's choosing (the identify window is 50 ms by default). */
    static JdaSim start(RestConfig rest, UnaryOperator<GatewayConfig.Builder> gateway) {
        return start(c -> c.withRest(rest)
                .withGateway(gateway.apply(GatewayConfig.builder().identifyWindowMs(50)).build()));
    }

    /** With any change to the scenarios' base configuration (50 ms identify window, {@link #population()}). */
    static JdaSim start(UnaryOperator<SimConfig> config) {
        return start(config, b -> b);
    }

    /** With a change to the simulator's configuration and a JDA setting of the test's own (e.g. DAVE). */
    static JdaSim start(UnaryOperator<SimConfig> config, UnaryOperator<DefaultShardManagerBuilder> jdaSettings) {
        DiscordSim sim = DiscordSim.start(config.apply(SimConfig.defaults()
                .withGateway(GatewayConfig.builder().identifyWindowMs(50).build())
                .withPopulation(population())));
        try {
            return new JdaSim(sim, jdaSettings);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** Waits until every shard is CONNECTED (READY and every guild's GUILD_CREATE processed). */
    JdaSim awaitConnected() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jda.getShards().size() == SHARDS
                && jda.getShards().stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED));
        return this;
    }

    /** The first small guild (not the large one, whose members need chunking first). */
    SimGuild guild() {
        return sim.population().guilds().stream().filter(g -> g.members().size() < 100).findFirst().orElseThrow();
    }

    /** A voice channel of the guild with room for the bot and one more member. */
    long joinableVoiceChannel(SimGuild guild) {
        return guild.snapshot().channels().stream().filter(SimChannel::isVoice)
                .filter(c -> c.userLimit() == 0 || guild.voiceCount(c.id()) < c.userLimit() - 1)
                .findFirst().map(SimChannel::id).orElseThrow();
    }

    /** A text channel everyone can see and write in. */
    long general(SimGuild guild) {
        return guild.snapshot().channels().stream().filter(c -> c.name().equals("general")).findFirst()
                .map(SimChannel::id).orElseThrow();
    }

    /** Human members without roles, not the owner: below the bot in the hierarchy, so JDA lets it moderate them. */
    List<Long> plainMembers(SimGuild guild) {
        long bot = sim.population().bot().id();
        long owner = guild.snapshot().ownerId();
        return guild.members().stream().filter(m -> m.userId() != bot && m.userId() != owner && m.roles().isEmpty())
                .map(SimMember::userId).toList();
    }

    private void record(GenericEvent event) {
        synchronized (events) {
            if (events.size() >= MAX_EVENTS) {
                events.removeFirst();
            }
            events.add(event);
        }
    }

    /** The events of one type JDA fired so far, oldest first. */
    <E extends GenericEvent> List<E> events(Class<E> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Override
    public void close() {
        try {
            jda.getShards().forEach(JDA::shutdownNow);
            jda.shutdown();
        } finally {
            sim.close();
        }
    }
}
