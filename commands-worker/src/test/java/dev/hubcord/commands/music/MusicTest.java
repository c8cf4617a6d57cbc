package dev.hubcord.commands.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.population.SimVoiceState;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.Json;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The music commands against a stand-in audio worker that answers like the audio-worker module (Lavalink-shaped
 * LOAD_TRACKS results, {@code {ok, player}} answers), and the announcements of its track events.
 */
class MusicTest {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;
    static HubClient audio;
    static final List<IncomingEvent> received = new CopyOnWriteArrayList<>();
    static final String SONG = encode("Never Gonna Give You Up", "Rick Astley", 213_000);
    static final String NEXT = encode("Take On Me", "a-ha", 225_000);

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir, Map.of(), RestConfig.defaults()
                .withBucket("messages", new RestConfig.BucketLimit(50, 1_000, false)));
        worker = world.startWorker(new MutableClock());
        audio = HubClient.create(HubClientOptions.builder(world.wsUri(), ServiceType.AUDIO, World.SECRET)
                .name("fake-audio").build());
        audio.addEventListener(MusicTest::answer);
        audio.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        audio.close();
        worker.close();
        world.close();
    }

    /** lavaplayer's encoding: header (size, flag bit 30 = versioned), version, title, author, length, ... */
    static String encode(String title, String author, long length) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeByte(3);
            out.writeUTF(title);
            out.writeUTF(author);
            out.writeLong(length);
            out.writeUTF("id-" + title.length());
            out.writeBoolean(false);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream whole = new DataOutputStream(all);
            whole.writeInt(body.size() | (1 << 30));
            body.writeTo(whole);
            return Base64.getEncoder().encodeToString(all.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(IncomingEvent e) {
        received.add(e);
        if (e.nonce() == null) {
            return;
        }
        ObjectNode r = Json.mapper().createObjectNode();
        if (e.name().equals("LOAD_TRACKS")) {
            if (e.data().path("identifier").asText().contains("nothing")) {
                r.put("loadType", "empty");
                r.putObject("data");
            } else {
                r.put("loadType", "search");
                ObjectNode t = r.putArray("data").addObject();
                t.put("encoded", SONG);
                t.putObject("info").put("title", "Never Gonna Give You Up").put("author", "Rick Astley")
                        .put("length", 213_000);
            }
        } else {
            r.put("ok", true);
            ObjectNode player = r.putObject("player");
            player.putObject("track").put("track", SONG);
            player.putArray("queue").addObject().put("track", NEXT);
            player.put("position", 61_000).put("paused", true).put("volume", 100).put("time", System.currentTimeMillis());
        }
        audio.reply(e, r);
    }

    private String run(String command, String raw) {
        return world.awaitReply(world.general, world.command(world.general, world.voiceUser, command, raw));
    }

    private JsonNode last(String event) {
        return received.stream().filter(e -> e.name().equals(event)).reduce((a, b) -> b).orElseThrow().data();
    }

    @Test
    void playLoadsJoinsQueuesAndAnnouncesTracks() {
        SimVoiceState voice = world.guild.voiceState(world.voiceUser).orElseThrow();
        String guild = CacheMirror.id(world.guild.id());
        assertThat(run("play", "never gonna give you up"))
                .isEqualTo("Queued **Never Gonna Give You Up** by Rick Astley (3:33).");
        assertThat(last("LOAD_TRACKS").path("identifier").asText()).isEqualTo("search:never gonna give you up");
        JsonNode join = last("PLAYER_JOIN");
        assertThat(join.path("guildID").asText()).isEqualTo(guild);
        assertThat(join.path("channelID").asText()).isEqualTo(CacheMirror.id(voice.channelId()));
        JsonNode queue = last("PLAYER_QUEUE");
        assertThat(queue.path("action").asText()).isEqualTo("add");
        assertThat(queue.path("tracks").get(0).asText()).isEqualTo(SONG);
        assertThat(queue.path("textChannelID").asText()).isEqualTo(CacheMirror.id(world.general));

        // Audio events with nothing to announce are acknowledged all the same (checked at the end: they come first)
        audio.send("PLAYER_UPDATE", Json.mapper().createObjectNode().put("guildID", guild).putNull("player"));
        audio.send("TRACK_STUCK", Json.mapper().createObjectNode().put("guildID", guild).put("thresholdMs", 10_000));
        audio.send("VOICE_CLOSED", Json.mapper().createObjectNode().put("guildID", guild).put("code", 4014)
                .put("reason", "disconnected").put("byRemote", true).put("action", "none"));
        // The audio worker reports, without naming a channel: the announcement goes where play was used.
        ObjectNode start = Json.mapper().createObjectNode().put("guildID", guild);
        start.putObject("track").put("encoded", SONG).putObject("info").put("title", "Never Gonna Give You Up")
                .put("author", "Rick Astley").put("length", 213_000);
        audio.send("TRACK_START", start);
        ObjectNode end = start.deepCopy().put("reason", "finished");
        end.putObject("player").putArray("queue");
        audio.send("TRACK_END", end);
        ObjectNode failed = start.deepCopy();
        failed.putObject("exception").put("message", "This video is unavailable").put("severity", "common");
        audio.send("TRACK_EXCEPTION", failed);
        List<String> announced = await().atMost(Duration.ofSeconds(10)).until(() -> world.requests("POST",
                "/channels/" + world.general + "/messages").stream().map(r -> World.json(r.body()))
                .filter(b -> !b.has("message_reference")).map(b -> b.path("content").asText()).toList(),
                l -> l.size() >= 3);
        assertThat(announced).containsExactlyInAnyOrder(
                "Now playing **Never Gonna Give You Up** by Rick Astley (3:33).",
                "Finished **Never Gonna Give You Up** by Rick Astley (3:33). The queue is empty.",
                "Couldn't play **Never Gonna Give You Up** by Rick Astley (3:33): This video is unavailable.");
        await().until(() -> worker.hubClient().unacknowledged() == 0);
    }

    @Test
    void controlCommandsSendTheirEvents() {
        assertThat(run("skip", "")).isEqualTo("Skipped.");
        assertThat(last("PLAYER_SKIP").path("guildID").asText()).isEqualTo(CacheMirror.id(world.guild.id()));
        assertThat(run("volume", "150")).isEqualTo("Volume set to 150%.");
        assertThat(last("PLAYER_VOLUME").path("volume").asInt()).isEqualTo(150);
        assertThat(run("crossfade", "3000")).isEqualTo("Crossfade set to 3000 ms.");
        assertThat(last("PLAYER_QUEUE").path("action").asText()).isEqualTo("crossfade");
        assertThat(last("PLAYER_QUEUE").path("crossfadeMs").asInt()).isEqualTo(3000);
        assertThat(run("seek", "1:30")).isEqualTo("Jumped to 1:30.");
        assertThat(last("PLAYER_SEEK").path("position").asLong()).isEqualTo(90_000);
        assertThat(run("pause", "")).isEqualTo("Paused.");
        assertThat(last("PLAYER_PAUSE").path("paused").asBoolean()).isTrue();
        assertThat(run("resume", "")).isEqualTo("Resumed.");
        assertThat(last("PLAYER_PAUSE").path("paused").asBoolean()).isFalse();
        assertThat(run("queue", "")).isEqualTo(
                "Now: **Never Gonna Give You Up** by Rick Astley (3:33)\n1. **Take On Me** by a-ha (3:45)");
        assertThat(run("nowplaying", "")).isEqualTo(
                "Now playing **Never Gonna Give You Up** by Rick Astley (3:33) at 1:01 (paused).");
        assertThat(run("stop", "")).isEqualTo("Stopped.");
        assertThat(run("leave", "")).isEqualTo("Left the voice channel.");
        assertThat(last("PLAYER_LEAVE").path("guildID").asText()).isEqualTo(CacheMirror.id(world.guild.id()));
    }

    @Test
    void playNeedsAVoiceChannelAndAResult() {
        assertThat(world.awaitReply(world.general, world.command(world.general, world.plain, "play", "x")))
                .isEqualTo("Join a voice channel first.");
        long otherListener = world.guild.snapshot().members().get(6).userId(); // play has a per-user cooldown
        assertThat(world.awaitReply(world.general, world.command(world.general, otherListener, "play",
                "nothing at all"))).isEqualTo("Nothing found for `nothing at all`.");
    }
}
