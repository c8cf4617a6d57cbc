package dev.hubcord.hub.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hub's player register with real WebSocket clients: snapshots kept from the audio workers' events and answered
 * to PLAYER_RECOVER, dropped on PLAYER_LEAVE and {@code player: null}, bounded by HUB_PLAYER_STATES; the takeover
 * PLAYER_JOIN when an audio session ends; and the claim rule that gives a guild to the worker that plays it.
 */
class PlayerStatesTest {

    private static final String G1 = "700000000000000001";
    private static final String G2 = "700000000000000002";
    private static final String G3 = "700000000000000003";

    /** A PLAYER_UPDATE's d with a snapshot: {@code channel} null for a player not in voice. */
    private static String update(String guild, String channel, int volume, long position) {
        return "{\"guildID\":\"" + guild + "\",\"textChannelID\":\"333\",\"state\":{\"time\":1,\"position\":" + position
                + ",\"connected\":true,\"ping\":3},\"player\":{\"channelID\":"
                + (channel == null ? "null" : "\"" + channel + "\"")
                + ",\"track\":{\"track\":\"QAAA\",\"startTime\":0,\"endTime\":0},\"position\":" + position
                + ",\"paused\":true,\"volume\":" + volume + ",\"repeat\":\"queue\",\"queue\":[{\"track\":\"QBBB\","
                + "\"startTime\":0,\"endTime\":0}],\"time\":1}}";
    }

    private static JsonNode nextOf(RawClient c, String t) {
        JsonNode e;
        do {
            e = c.nextEvent();
        } while (!e.get("t").asText().equals(t));
        return e;
    }

    /** Sends an event and waits until the commands client got it routed: the hub has registered it by then. */
    private static void sendAndAwait(RawClient audio, RawClient commands, String t, String d) {
        audio.event(t, d);
        JsonNode routed = nextOf(commands, t);
        commands.ack(routed.get("s").longValue());
    }

    private static JsonNode recover(RawClient audio, String guild) {
        String nonce = UUID.randomUUID().toString();
        audio.event("PLAYER_RECOVER", "{\"guildID\":\"" + guild + "\",\"nonce\":\"" + nonce + "\"}");
        JsonNode reply = nextOf(audio, "REPLY").get("d");
        assertThat(reply.path("nonce").asText()).isEqualTo(nonce);
        return reply;
    }

    private static JsonNode join(RawClient commands, RawClient expected, String guild) {
        commands.event("PLAYER_JOIN", "{\"guildID\":\"" + guild + "\",\"channelID\":\"9\"}");
        JsonNode join = nextOf(expected, "PLAYER_JOIN");
        assertThat(join.at("/d/guildID").asText()).isEqualTo(guild);
        return join;
    }

    @Test
    void operatorsSeeWhichWorkerPlaysAGuildAndItsLatestSnapshot() {
        try (TestHub hub = TestHub.start();
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient a1 = RawClient.identified(hub, "audio", null, "\"name\":\"audio-one\"")) {
            RestClient rest = new RestClient(hub);
            assertThat(rest.get("/v1/players/" + G2).status()).isEqualTo(404);
            assertThat(rest.get("/v1/players/not-a-guild").status()).isEqualTo(400);
            a1.ack(join(commands, a1, G2).get("s").longValue());
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G2, "9", 70, 4000));
            JsonNode view = rest.get("/v1/players/" + G2).json();
            assertThat(view.path("worker").asText()).isEqualTo("audio-one");
            assertThat(view.path("connected").asBoolean()).isTrue();
            assertThat(view.path("player").path("volume").asInt()).isEqualTo(70);
            assertThat(view.path("player").path("position").asLong()).isEqualTo(4000);
            assertThat(view.path("ageMs").asLong()).isBetween(0L, 10_000L);
        }
    }

    @Test
    void theLatestSnapshotIsAnsweredToRecoverAndForgottenOnLeaveOrDestroy() {
        try (TestHub hub = TestHub.start();
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient a1 = RawClient.identified(hub, "audio");
                RawClient a2 = RawClient.identified(hub, "audio")) {
            a1.ack(join(commands, a1, G1).get("s").longValue());
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G1, "9", 50, 1000));
            sendAndAwait(a1, commands, "TRACK_START", update(G1, "9", 80, 7000)); // any event with `player` counts
            JsonNode reply = recover(a2, G1);
            assertThat(reply.path("guildID").asText()).isEqualTo(G1);
            assertThat(reply.at("/player/volume").asInt()).isEqualTo(80);
            assertThat(reply.at("/player/position").asLong()).isEqualTo(7000);
            assertThat(reply.at("/player/queue/0/track").asText()).isEqualTo("QBBB");
            assertThat(reply.path("ageMs").asLong()).isBetween(0L, 5000L);
            assertThat(reply.path("updatedAt").asLong()).isGreaterThan(System.currentTimeMillis() - 10_000);
            assertThat(recover(a2, G2).path("player").isNull()).as("a guild never seen").isTrue();

            commands.event("PLAYER_LEAVE", "{\"guildID\":\"" + G1 + "\"}");
            a1.ack(nextOf(a1, "PLAYER_LEAVE").get("s").longValue());
            assertThat(recover(a2, G1).path("player").isNull()).isTrue();

            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G1, "9", 60, 1000));
            assertThat(recover(a2, G1).at("/player/volume").asInt()).isEqualTo(60);
            sendAndAwait(a1, commands, "PLAYER_UPDATE", "{\"guildID\":\"" + G1 + "\",\"player\":null}");
            assertThat(recover(a2, G1).path("player").isNull()).as("destroyed by its worker").isTrue();
        }
    }

    @Test
    void aLostWorkersGuildsInVoiceAreHandedOnOnceEach() {
        try (TestHub hub = TestHub.start(Map.of("HUB_AUDIO_RESUME_TIMEOUT_MS", "300"));
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient a1 = RawClient.identified(hub, "audio")) {
            // audio sessions get the shorter resume timeout, others keep the general one
            assertThat(a1.identifiedData().path("resumeTimeout").asInt()).isEqualTo(300);
            assertThat(commands.identifiedData().path("resumeTimeout").asInt()).isEqualTo(60_000);
            a1.ack(join(commands, a1, G1).get("s").longValue());
            join(commands, a1, G2); // never acknowledged: the hub redelivers this one itself
            a1.ack(join(commands, a1, G3).get("s").longValue());
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G1, "41", 70, 3000));
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G2, "42", 70, 3000));
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G3, null, 70, 3000)); // not in voice
            commands.event("PLAYER_VOLUME", "{\"guildID\":\"" + G1 + "\",\"volume\":5}");
            nextOf(a1, "PLAYER_VOLUME"); // not acknowledged: redelivered, but after the takeover JOIN
            try (RawClient a2 = RawClient.identified(hub, "audio")) {
                a1.kill();
                List<JsonNode> got = List.of(a2.nextEvent(), a2.nextEvent(), a2.nextEvent());
                assertThat(got).extracting(e -> e.get("t").asText() + " " + e.at("/d/guildID").asText())
                        .containsExactlyInAnyOrder("PLAYER_JOIN " + G1, "PLAYER_JOIN " + G2, "PLAYER_VOLUME " + G1);
                List<String> order = got.stream().map(e -> e.get("t").asText() + " " + e.at("/d/guildID").asText())
                        .toList();
                assertThat(order.indexOf("PLAYER_JOIN " + G1)).as("recover before the redelivered command")
                        .isLessThan(order.indexOf("PLAYER_VOLUME " + G1));
                JsonNode first = got.stream().filter(e -> e.at("/d/guildID").asText().equals(G1)
                        && e.get("t").asText().equals("PLAYER_JOIN")).findFirst().orElseThrow().get("d");
                JsonNode second = got.stream().filter(e -> e.at("/d/guildID").asText().equals(G2)).findFirst()
                        .orElseThrow().get("d");
                Map<String, JsonNode> byGuild = Map.of(G1, first, G2, second);
                assertThat(byGuild.get(G1).path("channelID").asText()).isEqualTo("41");
                assertThat(byGuild.get(G1).path("textChannelID").asText()).isEqualTo("333");
                assertThat(byGuild.get(G1).path("redelivered").asBoolean()).isTrue();
                assertThat(byGuild.get(G2).path("channelID").asText()).as("its own JOIN").isEqualTo("9");
                assertThat(byGuild.get(G2).path("redelivered").asBoolean()).isTrue();
                assertThat(a2.poll(Duration.ofMillis(300))).as("one JOIN per guild, none for G3").isNull();
                assertThat(recover(a2, G1).at("/player/position").asLong()).isEqualTo(3000);
                assertThat(recover(a2, G3).path("player").isNull()).as("not in voice: dropped").isTrue();
                // the guilds are a2's now
                commands.event("PLAYER_SKIP", "{\"guildID\":\"" + G1 + "\"}");
                assertThat(nextOf(a2, "PLAYER_SKIP").at("/d/guildID").asText()).isEqualTo(G1);
            }
        }
    }

    @Test
    void aWorkerClaimsTheGuildsItPlaysAndTheOneInVoiceWins() {
        try (TestHub hub = TestHub.start();
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient a1 = RawClient.identified(hub, "audio");
                RawClient a2 = RawClient.identified(hub, "audio")) {
            // as after a hub restart: a2 reports a guild the hub has never routed, and becomes its owner
            sendAndAwait(a2, commands, "PLAYER_UPDATE", update(G1, "9", 70, 3000));
            commands.event("PLAYER_SKIP", "{\"guildID\":\"" + G1 + "\"}");
            a2.ack(nextOf(a2, "PLAYER_SKIP").get("s").longValue());
            // an unclaimed guild still goes to the least loaded worker, a1
            JsonNode g2 = join(commands, a1, G2);
            a1.ack(g2.get("s").longValue());
            // a1 now owns G2 without a voice channel; a2 reports G2 in voice: a2 plays it, so a2 takes it
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G2, null, 10, 0));
            sendAndAwait(a2, commands, "PLAYER_UPDATE", update(G2, "9", 90, 2000));
            assertThat(nextOf(a1, "PLAYER_RELEASED").at("/d/guildID").asText()).as("a1 drops its player").isEqualTo(G2);
            commands.event("PLAYER_VOLUME", "{\"guildID\":\"" + G2 + "\",\"volume\":5}");
            a2.ack(nextOf(a2, "PLAYER_VOLUME").get("s").longValue());
            // a1 claiming it back, even in voice, is refused: the owner is in voice
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G2, "9", 20, 0));
            assertThat(nextOf(a1, "PLAYER_RELEASED").at("/d/guildID").asText()).isEqualTo(G2);
            assertThat(recover(a1, G2).at("/player/volume").asInt()).isEqualTo(90);
            commands.event("PLAYER_PAUSE", "{\"guildID\":\"" + G2 + "\",\"paused\":true}");
            a2.ack(nextOf(a2, "PLAYER_PAUSE").get("s").longValue());
            assertThat(a1.poll(Duration.ofMillis(200))).isNull();
            assertThat(a2.poll(Duration.ofMillis(100))).as("the owner is never told to drop").isNull();
            String metrics = new RestClient(hub).send("GET", "/metrics", null).body();
            assertThat(metric(metrics, "hub_player_claims_refused_total")).isEqualTo(1);
        }
    }

    @Test
    void theRegisterIsBoundedAndDropsTheLeastRecentlyUsed() {
        try (TestHub hub = TestHub.start(Map.of("HUB_PLAYER_STATES", "2"));
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient a1 = RawClient.identified(hub, "audio")) {
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G1, "9", 1, 0));
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G2, "9", 2, 0));
            assertThat(recover(a1, G1).at("/player/volume").asInt()).isEqualTo(1); // G1 used: G2 is now the eldest
            sendAndAwait(a1, commands, "PLAYER_UPDATE", update(G3, "9", 3, 0));
            assertThat(recover(a1, G2).path("player").isNull()).isTrue();
            assertThat(recover(a1, G1).at("/player/volume").asInt()).isEqualTo(1);
            assertThat(recover(a1, G3).at("/player/volume").asInt()).isEqualTo(3);
            String metrics = new RestClient(hub).send("GET", "/metrics", null).body();
            assertThat(metric(metrics, "hub_player_states_evicted_total")).isEqualTo(1);
            assertThat(metric(metrics, "hub_player_states")).isEqualTo(2);
        }
    }

    @Test
    void aMalformedSnapshotIsIgnoredAndABadRecoverClosesWith4005() {
        try (TestHub hub = TestHub.start();
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient a1 = RawClient.identified(hub, "audio")) {
            sendAndAwait(a1, commands, "PLAYER_UPDATE", "{\"guildID\":\"" + G1 + "\",\"player\":[1,2]}");
            assertThat(recover(a1, G1).path("player").isNull()).isTrue();
            a1.event("PLAYER_RECOVER", "{\"guildID\":\"" + G1 + "\"}");
            assertThat(a1.expectClose(4005).reason()).contains("PLAYER_RECOVER");
            commands.event("PLAYER_RECOVER", "{\"guildID\":\"" + G1 + "\",\"nonce\":\"x\"}");
            commands.expectClose(4006);
        }
    }

    private static long metric(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in /metrics").isTrue();
        return (long) Double.parseDouble(m.group(2));
    }
}
