package dev.hubcord.audio.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.AudioWorker;
import dev.hubcord.audio.config.AudioConfig;
import dev.hubcord.audio.e2ee.MlsDaveSession;
import dev.hubcord.audio.voice.DaveSession;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import dev.hubcord.discordsim.voice.VoiceServer;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import dev.hubcord.hub.HubServer;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.GatewayInfo;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.codec.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The whole path in one JVM: a real hub on loopback, the simulated voice server, a "sharder" HubClient that answers
 * GATEWAY_SEND op 4 with VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE pointing at the simulator, a "commands"
 * HubClient that records every event and the last {@code player} snapshot per guild (for assertions: the hub, not the
 * commands side, answers a taking-over worker's PLAYER_RECOVER), and audio workers. The hub can be restarted on the
 * same port ({@link #restartHub()}).
 */
public final class Harness implements AutoCloseable {

    public static final String SECRET = "audio-test-secret";
    public static final String BOT_ID = "155112606661607425";

    /** An event the commands client received. */
    public record Event(String name, JsonNode data) {}

    public volatile HubServer hub;
    private final HubConfig hubConfig;
    public final VoiceServer voice;
    public final HubClient sharder;
    public final HubClient commands;
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<ReceivedFrame> frames = new CopyOnWriteArrayList<>();
    public final List<JsonNode> op4s = new CopyOnWriteArrayList<>();
    public final Map<String, JsonNode> snapshots = new ConcurrentHashMap<>();
    public final AtomicReference<String> endpoint = new AtomicReference<>();
    private final List<AudioWorker> workers = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean recordFrames = true;

    public Harness(Map<String, String> hubSettings, VoiceServerConfig voiceConfig) throws Exception {
        Map<String, String> flags = new java.util.HashMap<>(Map.of("HUB_SECRET", SECRET, "HUB_HOST", "127.0.0.1",
                "HUB_PORT", "0", "HUB_IO_THREADS", "1"));
        flags.putAll(hubSettings);
        hubConfig = HubConfig.resolve(Map.of(), Map.of(), flags);
        hub = HubServer.start(hubConfig);
        voice = VoiceServer.start(voiceConfig);
        voice.addFrameListener(f -> {
            if (recordFrames) {
                frames.add(f);
            }
        });
        endpoint.set(voice.endpoint());
        sharder = HubClient.create(HubClientOptions.builder(hubUri(), ServiceType.SHARDER, SECRET).name("sharder")
                .gateway(new GatewayInfo(1, 1, BOT_ID, BOT_ID)).build());
        sharder.addEventListener("GATEWAY_SEND", e -> answerOp4(e.data()));
        sharder.connect().get(10, TimeUnit.SECONDS);
        commands = HubClient.create(HubClientOptions.builder(hubUri(), ServiceType.COMMANDS, SECRET).name("commands")
                .build());
        commands.addEventListener(e -> {
            JsonNode d = e.data();
            events.add(new Event(e.name(), d));
            String guild = d.path("guildID").asText();
            if (d.path("player").isObject()) {
                snapshots.put(guild, d.get("player"));
            }
        });
        commands.connect().get(10, TimeUnit.SECONDS);
    }

    public Harness() throws Exception {
        this(Map.of(), VoiceServerConfig.defaults().withHeartbeatIntervalMs(500));
    }

    /**
     * Stops the hub and starts a new one on the same port, as a hub restart: every client's session is lost, so each
     * reconnects, fails to resume (4009) and identifies afresh; voice keeps playing meanwhile.
     */
    public void restartHub() throws InterruptedException {
        int port = hub.port();
        hub.close();
        hub = HubServer.start(hubConfig.withPort(port));
    }

    public URI hubUri() {
        return URI.create("ws://127.0.0.1:" + hub.port() + "/ws/v1");
    }

    private void answerOp4(JsonNode send) {
        if (send.path("op").asInt() != 4) {
            return;
        }
        op4s.add(send);
        JsonNode d = send.path("d");
        String guild = d.path("guild_id").asText();
        JsonNode channel = d.path("channel_id");
        int n = counter.incrementAndGet();
        ObjectNode state = Json.mapper().createObjectNode();
        state.put("guild_id", guild);
        state.set("channel_id", channel);
        state.put("user_id", BOT_ID);
        state.put("session_id", "voice-session-" + n);
        sharder.send("VOICE_STATE_UPDATE", state);
        if (channel.isTextual()) {
            voice.assignChannel(Long.parseLong(guild), Long.parseLong(channel.asText()));
            ObjectNode server = Json.mapper().createObjectNode();
            server.put("guild_id", guild);
            server.put("token", "token-" + n);
            server.put("endpoint", endpoint.get());
            sharder.send("VOICE_SERVER_UPDATE", server);
        }
    }

    /** Config for an in-process worker: local files, plain ws:// to the simulator. */
    public AudioConfig workerConfig(String name) {
        return workerConfig(name, Map.of());
    }

    /** {@link #workerConfig(String)} with more or other settings. */
    public AudioConfig workerConfig(String name, Map<String, String> settings) {
        Map<String, String> flags = new java.util.HashMap<>(Map.of("HUB_URL", hubUri().toString(), "HUB_SECRET", SECRET,
                "AUDIO_NAME", name, "AUDIO_SOURCES", "local", "AUDIO_LOCAL_FILES", "true", "AUDIO_VOICE_TLS", "false",
                "AUDIO_PLAYER_UPDATE_MS", "1000", "AUDIO_RECOVERY_TIMEOUT_MS", "5000", "AUDIO_FRAME_BUFFER_MS", "1000"));
        flags.putAll(settings);
        return AudioConfig.resolve(Map.of(), Map.of(), flags);
    }

    public AudioWorker startWorker(String name) throws Exception {
        return startWorker(name, MlsDaveSession.FACTORY);
    }

    /**
     * Whether {@link #frames} collects what the simulator receives (on by default). A benchmark turns it off: the
     * list copies itself on every add, which at thousands of packets a second would slow the simulator's receiver
     * until the socket drops packets.
     */
    public void recordFrames(boolean record) {
        recordFrames = record;
        if (!record) {
            frames.clear();
        }
    }

    /** A worker with this DAVE implementation (e.g. one that records frames, or the passthrough one). */
    public AudioWorker startWorker(String name, DaveSession.Factory dave) throws Exception {
        return startWorker(workerConfig(name), dave);
    }

    /** A worker with these settings (see {@link #workerConfig(String, Map)}). */
    public AudioWorker startWorker(AudioConfig config, DaveSession.Factory dave) throws Exception {
        AudioWorker w = new AudioWorker(config, dave);
        workers.add(w);
        w.start().get(10, TimeUnit.SECONDS);
        return w;
    }

    /** A PLAYER_* command or LOAD_TRACKS as a request; returns the REPLY's data. */
    public JsonNode request(String event, String guild, Map<String, ?> fields) throws Exception {
        ObjectNode d = Json.mapper().valueToTree(fields);
        if (guild != null) {
            d.put("guildID", guild);
        }
        return commands.request(event, d, Duration.ofSeconds(15)).get(20, TimeUnit.SECONDS);
    }

    /** Loads a local file and returns its encoded track. */
    public String load(Path file) throws Exception {
        JsonNode r = request("LOAD_TRACKS", null, Map.of("identifier", file.toString()));
        if (!"track".equals(r.path("loadType").asText())) {
            throw new AssertionError("load failed: " + r);
        }
        return r.path("data").path("encoded").asText();
    }

    public List<Event> events(String guild, Predicate<Event> filter) {
        return events.stream().filter(e -> guild.equals(e.data().path("guildID").asText())).filter(filter).toList();
    }

    public List<Event> trackEvents(String guild) {
        return events(guild, e -> e.name().startsWith("TRACK_"));
    }

    public List<ReceivedFrame> frames(long guild) {
        return frames.stream().filter(f -> f.guildId() == guild).toList();
    }

    @Override
    public void close() {
        for (AudioWorker w : workers) {
            w.close();
        }
        commands.close();
        sharder.close();
        voice.close();
        hub.close();
    }
}
