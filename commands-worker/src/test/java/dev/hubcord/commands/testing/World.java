package dev.hubcord.commands.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.config.WorkerConfig;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.hub.HubServer;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.GatewayInfo;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.codec.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A simulated Discord, a real hub, and a test "sharder" that mirrors the simulated guilds into the hub's cache and
 * sends EXECUTE_COMMAND events, as the sharder service would. Workers run in-process ({@link #startWorker}) or as
 * processes (using {@link #workerSettings()}).
 */
public final class World implements AutoCloseable {

    public static final String SECRET = "world-secret";

    public final DiscordSim sim;
    public final HubServer hub;
    public final HubClient sharder;
    public final HubApi hubApi;
    public final Path dir;
    public final SimGuild guild;
    public final SimGuild otherGuild;
    public final long general;
    public final long owner;
    public final long moderator;
    public final long plain;
    public final long voiceUser;
    public final long minemidnight;

    private World(Path dir, Map<String, String> hubSettings, RestConfig rest) throws Exception {
        this.dir = dir;
        this.sim = DiscordSim.start(SimConfig.defaults().withRest(rest)
                .withPopulation(PopulationConfig.defaults().withGuilds(2).withMembers(20, 0, 1)));
        Map<String, String> flags = new HashMap<>(Map.of("HUB_SECRET", SECRET, "HUB_HOST", "127.0.0.1",
                "HUB_PORT", "0", "HUB_IO_THREADS", "2"));
        flags.putAll(hubSettings);
        this.hub = HubServer.start(HubConfig.resolve(Map.of(), Map.of(), flags));
        this.guild = sim.population().guilds().get(0);
        this.otherGuild = sim.population().guilds().get(1);
        SimGuild.Snapshot s = guild.snapshot();
        List<SimMember> members = s.members();
        this.owner = s.ownerId();
        this.moderator = members.get(3).userId();
        this.voiceUser = members.get(5).userId();
        this.plain = members.get(8).userId();
        this.general = s.channels().stream().filter(c -> c.name().equals("general")).findFirst()
                .map(SimChannel::id).orElseThrow();
        SimUser mm = new SimUser(sim.population().newId(), "minemidnight", null, null, false);
        sim.population().putUser(mm);
        sim.control().events().memberAdd(guild.id(), mm.id());
        this.minemidnight = mm.id();
        String bot = CacheMirror.id(sim.population().bot().id());
        this.sharder = HubClient.create(HubClientOptions.builder(wsUri(), ServiceType.SHARDER, SECRET).name("sharder")
                .gateway(new GatewayInfo(1, 1, bot, CacheMirror.id(sim.applicationId()))).build());
        sharder.connect().get(10, TimeUnit.SECONDS);
        this.hubApi = new HubApi(URI.create("http://127.0.0.1:" + hub.port()), SECRET, Duration.ofSeconds(5));
        mirror(guild);
        mirror(otherGuild);
        await().atMost(Duration.ofSeconds(10)).until(() -> !hubApi.searchMembers(CacheMirror.id(guild.id()),
                "minemidnight#0001", 5).isEmpty() && hubApi.guild(CacheMirror.id(otherGuild.id())).isPresent());
    }

    public static World start(Path dir) throws Exception {
        return start(dir, Map.of(), RestConfig.defaults());
    }

    public static World start(Path dir, Map<String, String> hubSettings, RestConfig rest) throws Exception {
        return new World(dir, hubSettings, rest);
    }

    /** Pushes the guild's current state to the hub's cache. */
    public void mirror(SimGuild g) {
        sharder.sendCache(CacheMirror.guild(g, sim.population(), Map.of(minemidnight, "0001")));
    }

    public URI wsUri() {
        return URI.create("ws://127.0.0.1:" + hub.port() + "/ws/v1");
    }

    /** The environment a worker needs, with its database in this world's directory. */
    public Map<String, String> workerSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", sim.token());
        env.put("DISCORD_API_BASE", sim.apiBaseUrl());
        env.put("HUB_URL", wsUri().toString());
        env.put("HUB_SECRET", SECRET);
        env.put("COMMANDS_DB", dir.resolve("commands.db").toString());
        env.put("COMMANDS_BAN_POLL_MS", "50");
        env.put("COMMANDS_NAME", "test-worker");
        env.put("COMMANDS_REGISTER", "false"); // the registration tests turn it on
        return env;
    }

    public CommandsWorker startWorker(Clock clock) throws Exception {
        return startWorker(clock, Map.of());
    }

    public CommandsWorker startWorker(Clock clock, Map<String, String> extra) throws Exception {
        Map<String, String> env = workerSettings();
        env.putAll(extra);
        CommandsWorker worker = CommandsWorker.start(WorkerConfig.resolve(Map.of(), env, Map.of()), clock,
                Thread.currentThread().getContextClassLoader());
        worker.connected().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.botUserId() != null);
        return worker;
    }

    /** A user writes a prefix command: the message is created in the simulated channel, then sent to the hub. */
    public String command(long channel, long author, String name, String raw) {
        ObjectNode message = sim.control().events().messageCreate(channel, author, "!" + name + " " + raw);
        String id = message.path("id").asText();
        sharder.send("EXECUTE_COMMAND", execute(channel, author, name, raw, id));
        return id;
    }

    /** The EXECUTE_COMMAND data of seed 004's shape. */
    public ObjectNode execute(long channel, long author, String name, String raw, String messageId) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("command", name);
        d.put("raw", raw);
        ObjectNode ids = d.putObject("ids");
        ids.put("message", messageId);
        ids.put("author", CacheMirror.id(author));
        ids.put("channel", CacheMirror.id(channel));
        ids.put("guild", CacheMirror.id(sim.population().guildOfChannel(channel).orElseThrow().id()));
        ids.put("shard", 0);
        return d;
    }

    public List<RestExchange.Recorded> requests(String method, String pathPart) {
        return sim.control().restRequests().stream()
                .filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    /** The successful reply to a message, once it exists. */
    public Optional<String> reply(long channel, String messageId) {
        return requests("POST", "/channels/" + channel + "/messages").stream()
                .filter(r -> r.status() == 200)
                .map(r -> json(r.body()))
                .filter(b -> b.path("message_reference").path("message_id").asText().equals(messageId))
                .map(b -> b.path("content").asText()).findFirst();
    }

    /** Waits for the reply to a message and returns its text. */
    public String awaitReply(long channel, String messageId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> reply(channel, messageId), Optional::isPresent)
                .orElseThrow();
    }

    public static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sharder.close();
        hubApi.close();
        hub.close();
        sim.close();
    }
}
