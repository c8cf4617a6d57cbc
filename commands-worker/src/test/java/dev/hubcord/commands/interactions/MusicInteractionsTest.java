package dev.hubcord.commands.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.SentMessage;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The music built-ins as interactions, against a stand-in audio worker: {@code /play}'s autocomplete from the
 * library search (and its bounded wait), the buttons of "Now playing" sending their player events, and
 * {@code /filter} merging a preset into the player's filters.
 */
class MusicInteractionsTest extends WorkerWithSim {

    static HubClient audio;
    static final List<IncomingEvent> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startAudio() throws Exception {
        audio = HubClient.create(HubClientOptions.builder(world.wsUri(), ServiceType.AUDIO, World.SECRET)
                .name("fake-audio").build());
        audio.addEventListener(MusicInteractionsTest::answer);
        audio.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopAudio() {
        audio.close();
    }

    private static void track(ArrayNode into, String title, String author, long length) {
        ObjectNode t = into.addObject();
        t.put("encoded", "enc-" + title);
        t.putObject("info").put("title", title).put("author", author).put("length", length);
    }

    private static void answer(IncomingEvent e) {
        received.add(e);
        if (e.nonce() == null || e.data().path("identifier").asText().contains("slow")) {
            return; // a library that does not answer in time
        }
        ObjectNode r = Json.mapper().createObjectNode();
        if (e.name().equals("LOAD_TRACKS")) {
            r.put("loadType", "search");
            ArrayNode data = r.putArray("data");
            track(data, "Never Gonna Give You Up", "Rick Astley", 213_000);
            track(data, "Never Gonna Give You Up", "Rick Astley", 213_000); // the same twice: one choice
            track(data, "Nevermind", "Nirvana", 0);
        } else {
            r.put("ok", true);
            ObjectNode player = r.putObject("player");
            player.put("paused", false).put("volume", 100).putArray("queue");
            player.putObject("filters").putObject("rotation").put("rotationHz", 0.1);
        }
        audio.reply(e, r);
    }

    private static JsonNode last(String event) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .filter(e -> e.name().equals(event)).reduce((a, b) -> b), java.util.Optional::isPresent)
                .orElseThrow().data();
    }

    @Test
    void playSuggestsLibraryTracks() {
        SimEvents.CreatedInteraction typing = send.forward(user.autocomplete(world.general, world.voiceUser, "play",
                List.of(), "query", "never", Json.mapper().createArrayNode()));
        JsonNode callback = send.callback(typing);
        assertThat(callback.path("type").asInt()).isEqualTo(8);
        assertThat(callback.path("data").path("choices").toString()).isEqualTo(
                "[{\"name\":\"Never Gonna Give You Up - Rick Astley (3:33)\",\"value\":\"Never Gonna Give You Up Rick Astley\"},"
                        + "{\"name\":\"Nevermind - Nirvana\",\"value\":\"Nevermind Nirvana\"}]");
        assertThat(received.stream().filter(e -> e.name().equals("LOAD_TRACKS"))
                .map(e -> e.data().path("identifier").asText())).contains("libsearch:never");
    }

    @Test
    void aSilentLibraryGivesNoSuggestionsInTime() {
        SimEvents.CreatedInteraction typing = send.forward(user.autocomplete(world.general, world.voiceUser, "play",
                List.of(), "query", "slow song", Json.mapper().createArrayNode()));
        JsonNode callback = send.callback(typing);
        assertThat(callback.path("data").path("choices")).isEmpty();
        // the simulator accepts a callback only within Discord's 3 s
        assertThat(world.requests("POST", "/interactions/" + typing.id() + "/").getFirst().status()).isEqualTo(204);
    }

    private static SentMessage nowPlaying(String title) {
        ObjectNode start = Json.mapper().createObjectNode().put("guildID", CacheMirror.id(world.guild.id()))
                .put("textChannelID", CacheMirror.id(world.general));
        start.putObject("track").put("encoded", "enc").putObject("info").put("title", title).put("author", "x")
                .put("length", 60_000);
        audio.send("TRACK_START", start);
        return await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .filter(m -> m.content().startsWith("Now playing **" + title)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static List<String> labels(JsonNode components) {
        return java.util.stream.StreamSupport.stream(components.get(0).path("components").spliterator(), false)
                .map(b -> b.path("label").asText() + (b.path("disabled").asBoolean() ? " (off)" : "")).toList();
    }

    @Test
    void nowPlayingButtonsPauseResumeSkipAndStop() {
        SentMessage playing = nowPlaying("Song A");
        assertThat(labels(playing.components())).containsExactly("Pause", "Skip", "Stop");

        JsonNode paused = send.callback(send.forward(user.component(playing.id(), world.plain, "music:pause",
                List.of())));
        assertThat(last("PLAYER_PAUSE").path("paused").asBoolean()).isTrue();
        assertThat(last("PLAYER_PAUSE").path("guildID").asText()).isEqualTo(CacheMirror.id(world.guild.id()));
        assertThat(paused.path("type").asInt()).isEqualTo(7);
        assertThat(labels(paused.path("data").path("components"))).containsExactly("Resume", "Skip", "Stop");
        assertThat(paused.path("data").path("content").asText()).isEqualTo(playing.content());

        await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .anyMatch(m -> m.id() == playing.id() && labels(m.components()).getFirst().equals("Resume")));
        send.callback(send.forward(user.component(playing.id(), world.plain, "music:resume", List.of())));
        await().atMost(Duration.ofSeconds(10)).until(() -> !last("PLAYER_PAUSE").path("paused").asBoolean());

        await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .anyMatch(m -> m.id() == playing.id() && labels(m.components()).getFirst().equals("Pause")));
        JsonNode skipped = send.callback(send.forward(user.component(playing.id(), world.plain, "music:skip",
                List.of())));
        last("PLAYER_SKIP");
        assertThat(skipped.path("data").path("content").asText())
                .endsWith("\nSkipped by <@" + CacheMirror.id(world.plain) + ">.");
        assertThat(labels(skipped.path("data").path("components")))
                .containsExactly("Pause (off)", "Skip (off)", "Stop (off)");

        SentMessage next = nowPlaying("Song B");
        send.callback(send.forward(user.component(next.id(), world.plain, "music:stop", List.of())));
        assertThat(last("PLAYER_STOP").path("textChannelID").asText()).isEqualTo(CacheMirror.id(world.general));
    }

    @Test
    void filterMergesThePresetIntoTheCurrentFilters() {
        ArrayNode options = Json.mapper().createArrayNode();
        options.addObject().put("name", "preset").put("type", 3).put("value", "nightcore");
        JsonNode answer = send.callback(send.forward(user.chatInput(world.general, world.voiceUser, "filter",
                options)));
        assertThat(answer.path("data").path("content").asText()).isEqualTo("Filter **nightcore** on.");
        assertThat(last("PLAYER_FILTERS").path("filters").toString())
                .isEqualTo("{\"rotation\":{\"rotationHz\":0.1},\"timescale\":{\"speed\":1.25,\"pitch\":1.25}}");

        assertThat(world.awaitReply(world.general, world.command(world.general, world.moderator, "filter", "reset")))
                .isEqualTo("Filters cleared.");
        await().atMost(Duration.ofSeconds(10)).until(() -> last("PLAYER_FILTERS").path("filters").isEmpty());
        assertThat(world.awaitReply(world.general, world.command(world.general, world.owner, "filter", "loud")))
                .contains("nightcore");
    }
}
