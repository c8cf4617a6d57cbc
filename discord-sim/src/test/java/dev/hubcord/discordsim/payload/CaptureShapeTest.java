package dev.hubcord.discordsim.payload;

import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.JsonShape;
import dev.hubcord.discordsim.support.Payloads;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import dev.hubcord.discordsim.support.VoiceClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Discord payloads as the judge: what the simulator sends must have the shape of each capture in
 * {@code ../shared/fixtures/discord-captures} (same field names, same JSON types, recursively). The captures are read
 * in place, never copied into the project; without them this test fails, naming the path it looked at.
 *
 * <p>The simulator's payloads come from a real websocket client and a real HTTP call. Every payload of one kind
 * that the session received is merged into one shape (all GUILD_CREATEs: text, voice and category channels), so a
 * field the sim sends only for some channels still counts. Differences Discord's samples allow are listed in
 * {@link CaptureAllowList} with their reasons.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureShapeTest {

    /**
     * From the module directory (Maven's working directory): the project root, then its sibling {@code shared}. A
     * checkout elsewhere (a git worktree) names the directory with {@code -Dhubcord.captures=DIR}.
     */
    static final Path CAPTURES = Path.of(System.getProperty("hubcord.captures",
            "../../shared/fixtures/discord-captures")).toAbsolutePath().normalize();

    /** Capture file → what the simulator must send in its shape. */
    static final Map<String, String> CAPTURE_FILES = Map.ofEntries(
            Map.entry("hello.json", "HELLO"),
            Map.entry("heartbeat_ack.json", "HEARTBEAT_ACK"),
            Map.entry("ready.json", "READY"),
            Map.entry("ready.discordbm.json", "READY"),
            Map.entry("guild_create.json", "GUILD_CREATE"),
            Map.entry("guild_create.discorsd.json", "GUILD_CREATE"),
            Map.entry("message_create.json", "MESSAGE_CREATE"),
            Map.entry("interaction_create.json", "INTERACTION_CREATE"),
            Map.entry("voice_state_update.json", "VOICE_STATE_UPDATE"),
            Map.entry("voice_server_update.json", "VOICE_SERVER_UPDATE"),
            Map.entry("gateway_bot.json", "GET /gateway/bot"));

    private DiscordSim sim;
    private final Map<String, List<JsonNode>> fromSim = new LinkedHashMap<>();

    @BeforeAll
    void collectTheSimulatorsPayloads() throws Exception {
        sim = Sims.start();
        try (TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE)) {
            put("HELLO", c.nextOp(10));
            c.send(Payloads.heartbeat(null));
            put("HEARTBEAT_ACK", c.nextOp(11));
            c.send(identify(sim.token(), Payloads.INTENTS, 0, 1));
            put("READY", c.nextDispatch("READY"));
            for (int i = 0; i < sim.population().guilds().size(); i++) {
                put("GUILD_CREATE", c.nextDispatch("GUILD_CREATE"));
            }

            VoiceClient.Target target = VoiceClient.joinable(sim).getFirst();
            SimGuild guild = target.guild();
            SimChannel text = guild.snapshot().channels().stream().filter(ch -> ch.type() == SimChannel.TEXT)
                    .findFirst().orElseThrow();
            long user = guild.members().stream().map(m -> m.userId())
                    .filter(id -> id != sim.population().bot().id()).findFirst().orElseThrow();

            sim.control().events().messageCreate(text.id(), user, "hello there");
            put("MESSAGE_CREATE", c.nextDispatch("MESSAGE_CREATE"));
            sim.control().events().interactionCreate(text.id(), user, "hello", TestGatewayClient.JSON.createArrayNode());
            put("INTERACTION_CREATE", c.nextDispatch("INTERACTION_CREATE"));

            c.send("{\"op\":4,\"d\":{\"guild_id\":\"" + Long.toUnsignedString(guild.id()) + "\",\"channel_id\":\""
                    + Long.toUnsignedString(target.channel().id()) + "\",\"self_mute\":false,\"self_deaf\":true}}");
            // The two voice events come in either order (GatewayConfig.voiceReplyOrder); skip anything else.
            while (!fromSim.containsKey("VOICE_STATE_UPDATE") || !fromSim.containsKey("VOICE_SERVER_UPDATE")) {
                JsonNode event = c.nextOp(0);
                if (event.path("t").asText().startsWith("VOICE_")) {
                    put(event.path("t").asText(), event);
                }
            }
        }
        HttpResponse<String> gatewayBot = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/gateway/bot"))
                        .header("Authorization", "Bot " + sim.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gatewayBot.statusCode()).as("GET /gateway/bot").isEqualTo(200);
        put("GET /gateway/bot", TestGatewayClient.JSON.readTree(gatewayBot.body()));
    }

    private void put(String kind, JsonNode payload) {
        fromSim.computeIfAbsent(kind, k -> new ArrayList<>()).add(payload);
    }

    @AfterAll
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void theCapturesAreThere() {
        assertThat(Files.isDirectory(CAPTURES))
                .as("the real Discord captures are expected in %s (the project's sibling shared/fixtures); "
                        + "this test reads them in place and cannot judge the simulator without them "
                        + "(elsewhere: -Dhubcord.captures=DIR)", CAPTURES)
                .isTrue();
    }

    static Stream<Arguments> captures() {
        return CAPTURE_FILES.entrySet().stream().map(e -> Arguments.of(e.getValue(), e.getKey()));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @MethodSource("captures")
    void theSimulatorSendsTheCapturesShape(String kind, String file) {
        JsonShape capture = JsonShape.of(readCapture(file));
        // A field the sim sends that this capture lacks is fine if another capture of the same kind has it.
        JsonShape allCaptures = JsonShape.of(CAPTURE_FILES.entrySet().stream().filter(e -> e.getValue().equals(kind))
                .map(e -> readCapture(e.getKey())).toList());
        List<JsonNode> ours = fromSim.get(kind);
        assertThat(ours).as("the simulator sent no %s", kind).isNotEmpty();
        List<String> diffs = capture.differences(JsonShape.of(ours), "$",
                path -> CaptureAllowList.missingAllowed(kind, path),
                path -> allCaptures.has(path) || CaptureAllowList.extraAllowed(kind, path));
        assertThat(diffs).as("%s from the simulator against %s", kind, CAPTURES.resolve(file)).isEmpty();
    }

    @Test
    void theJudgeNoticesAFieldTheSimulatorWouldDropOrRetype() {
        ObjectNode ready = fromSim.get("READY").getFirst().deepCopy();
        ((ObjectNode) ready.get("d")).remove("session_id");
        ((ObjectNode) ready.get("d")).put("v", "10");
        List<String> diffs = JsonShape.of(readCapture("ready.json")).differences(JsonShape.of(ready), "$",
                path -> CaptureAllowList.missingAllowed("READY", path),
                path -> CaptureAllowList.extraAllowed("READY", path));
        assertThat(diffs).contains("$.d.session_id: missing (Discord sends [STRING])",
                "$.d.v: type [STRING] where Discord sends [NUMBER]");
    }

    /** Fails (never skips) when the captures are missing, naming the path. */
    static JsonNode readCapture(String file) {
        Path p = CAPTURES.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing real Discord capture " + p + " (expected the directory " + CAPTURES
                    + " next to the project: ../shared/fixtures/discord-captures, or -Dhubcord.captures=DIR)");
        }
        try {
            return TestGatewayClient.JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new AssertionError("unreadable capture " + p, e);
        }
    }
}
