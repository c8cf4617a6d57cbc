package dev.hubcord.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guild delivery to sharders and audio workers, request/reply by nonce, and DISPATCH subscriptions. */
class GuildAndReplyRoutingTest {

    // (id >>> 22) % 2: GUILD_ON_0 lands on shard 0, GUILD_ON_1 on shard 1
    private static final long GUILD_ON_0 = 2L << 22;
    private static final long GUILD_ON_1 = 3L << 22;
    private static final String TWO_SHARDS = "\"gateway\":{\"shards\":2,\"maxConcurrency\":1}";

    private static JsonNode nextOf(RawClient c, String t) {
        JsonNode e;
        do {
            e = c.nextEvent();
        } while (!e.get("t").asText().equals(t));
        return e;
    }

    @Test
    void gatewaySendGoesToTheSharderRunningTheGuildsShard() {
        try (TestHub hub = TestHub.start();
                RawClient s0 = RawClient.identified(hub, "sharder", null, TWO_SHARDS);
                RawClient s1 = RawClient.identified(hub, "sharder", null, TWO_SHARDS);
                RawClient audio = RawClient.identified(hub, "audio")) {
            nextOf(s0, "SHARDS_ASSIGNED"); // s0 gave shard 1 to s1
            audio.event("GATEWAY_SEND", "{\"guildID\":\"" + GUILD_ON_1 + "\",\"op\":4,\"d\":{\"guild_id\":\"" + GUILD_ON_1
                    + "\",\"channel_id\":\"5\",\"self_mute\":false,\"self_deaf\":true}}");
            audio.event("GATEWAY_SEND", "{\"shard\":0,\"op\":8,\"d\":{\"guild_id\":\"" + GUILD_ON_0 + "\",\"query\":\"\",\"limit\":0}}");
            JsonNode toS1 = nextOf(s1, "GATEWAY_SEND");
            assertThat(toS1.at("/d/op").intValue()).isEqualTo(4);
            assertThat(toS1.at("/d/d/channel_id").asText()).isEqualTo("5");
            JsonNode toS0 = nextOf(s0, "GATEWAY_SEND");
            assertThat(toS0.at("/d/op").intValue()).isEqualTo(8);
            s1.ack(toS1.get("s").longValue());
            s0.ack(toS0.get("s").longValue());
            assertThat(s0.poll(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void gatewaySendWaitsUntilAShardOwnerExists() {
        try (TestHub hub = TestHub.start();
                RawClient commands = RawClient.identified(hub, "commands")) {
            commands.event("GATEWAY_SEND", "{\"guildID\":\"" + GUILD_ON_1 + "\",\"op\":4,\"d\":{}}");
            commands.heartbeat();
            commands.next();
            try (RawClient sharder = RawClient.identified(hub, "sharder", null, TWO_SHARDS)) {
                assertThat(nextOf(sharder, "GATEWAY_SEND").at("/d/guildID").asText()).isEqualTo(String.valueOf(GUILD_ON_1));
            }
        }
    }

    @Test
    void audioGuildsStickToTheirWorkerAndMoveWhenItIsLost() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "300"));
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient sharder = RawClient.identified(hub, "sharder", null, TWO_SHARDS);
                RawClient a1 = RawClient.identified(hub, "audio");
                RawClient a2 = RawClient.identified(hub, "audio")) {
            commands.event("PLAYER_JOIN", "{\"guildID\":\"" + GUILD_ON_0 + "\",\"channelID\":\"9\"}");
            commands.event("PLAYER_JOIN", "{\"guildID\":\"" + GUILD_ON_1 + "\",\"channelID\":\"9\"}");
            JsonNode j1 = nextOf(a1, "PLAYER_JOIN");
            JsonNode j2 = nextOf(a2, "PLAYER_JOIN");
            a1.ack(j1.get("s").longValue());
            a2.ack(j2.get("s").longValue());
            String a1Guild = j1.at("/d/guildID").asText();
            String a2Guild = j2.at("/d/guildID").asText();
            assertThat(a1Guild).isNotEqualTo(a2Guild);
            // the sharder's voice events follow the guild to its worker
            sharder.event("VOICE_STATE_UPDATE", "{\"guild_id\":\"" + a2Guild + "\",\"session_id\":\"abc\",\"user_id\":\"100\"}");
            sharder.event("VOICE_SERVER_UPDATE", "{\"guild_id\":\"" + a1Guild + "\",\"token\":\"t\",\"endpoint\":\"x:443\"}");
            JsonNode vsu = nextOf(a2, "VOICE_STATE_UPDATE");
            assertThat(vsu.at("/d/session_id").asText()).isEqualTo("abc");
            a2.ack(vsu.get("s").longValue());
            nextOf(a1, "VOICE_SERVER_UPDATE");
            // a1 is lost without acknowledging; its guild and unacked event move to a2
            a1.kill();
            JsonNode moved = nextOf(a2, "VOICE_SERVER_UPDATE");
            assertThat(moved.at("/d/redelivered").asBoolean()).isTrue();
            commands.event("PLAYER_PAUSE", "{\"guildID\":\"" + a1Guild + "\",\"pause\":true}");
            assertThat(nextOf(a2, "PLAYER_PAUSE").at("/d/guildID").asText()).isEqualTo(a1Guild);
        }
    }

    @Test
    void repliesFindTheirRequester() {
        try (TestHub hub = TestHub.start();
                RawClient asker = RawClient.identified(hub, "commands");
                RawClient bystander = RawClient.identified(hub, "commands");
                RawClient audio = RawClient.identified(hub, "audio")) {
            asker.event("LOAD_TRACKS", "{\"nonce\":\"n-1\",\"identifier\":\"https://example.test/a.mp3\"}");
            JsonNode request = nextOf(audio, "LOAD_TRACKS");
            assertThat(request.at("/d/nonce").asText()).isEqualTo("n-1");
            audio.ack(request.get("s").longValue());
            audio.event("REPLY", "{\"nonce\":\"n-1\",\"loadType\":\"empty\",\"data\":{}}");
            JsonNode reply = nextOf(asker, "REPLY");
            assertThat(reply.at("/d/loadType").asText()).isEqualTo("empty");
            assertThat(bystander.poll(Duration.ofMillis(200))).isNull();
            // a second reply with the same nonce, or an unknown one, is dropped without closing anyone
            audio.event("REPLY", "{\"nonce\":\"n-1\",\"loadType\":\"late\"}");
            audio.event("REPLY", "{\"nonce\":\"never-asked\"}");
            audio.heartbeat();
            assertThat(audio.next().get("op").intValue()).isEqualTo(4);
            assertThat(asker.poll(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void aNonceInAnEventThatIsNoRequestIsTheApplicationsAndNeverRoutesAReply() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient worker = RawClient.identified(hub, "commands")) {
            sharder.event("EXECUTE_COMMAND", "{\"command\":\"ping\",\"raw\":\"\",\"nonce\":\"app-1\"}");
            JsonNode command = nextOf(worker, "EXECUTE_COMMAND");
            assertThat(command.at("/d/nonce").asText()).isEqualTo("app-1"); // passed on untouched
            worker.ack(command.get("s").longValue());
            worker.event("REPLY", "{\"nonce\":\"app-1\",\"ok\":true}");
            worker.heartbeat();
            assertThat(worker.next().get("op").intValue()).isEqualTo(4);
            assertThat(sharder.poll(Duration.ofMillis(300))).isNull(); // not registered, so no reply reaches it
            assertThat(RestClient.metric(hub, "hub_events_undeliverable_total")).isEqualTo(1.0);
        }
    }

    @Test
    void loadTracksWithoutANonceIsRefused() {
        try (TestHub hub = TestHub.start();
                RawClient commands = RawClient.identified(hub, "commands")) {
            commands.event("LOAD_TRACKS", "{\"identifier\":\"song.mp3\"}");
            assertThat(commands.expectClose(4005).reason()).contains("LOAD_TRACKS: d.nonce is required");
        }
    }

    @Test
    void dispatchGoesToOneSubscriberOfEachSubscribedType() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient sub1 = RawClient.identified(hub, "commands", null, "\"events\":[\"GUILD_MEMBER_ADD\"]");
                RawClient sub2 = RawClient.identified(hub, "commands", null, "\"events\":[\"GUILD_MEMBER_ADD\"]");
                RawClient audioSub = RawClient.identified(hub, "audio", null, "\"events\":[\"GUILD_MEMBER_ADD\"]");
                RawClient notSubscribed = RawClient.identified(hub, "commands")) {
            sharder.event("DISPATCH", "{\"shard\":0,\"t\":\"GUILD_MEMBER_ADD\",\"d\":{\"user\":{\"id\":\"1\"}}}");
            sharder.event("DISPATCH", "{\"shard\":0,\"t\":\"TYPING_START\",\"d\":{}}");
            JsonNode toAudio = nextOf(audioSub, "DISPATCH");
            assertThat(toAudio.at("/d/t").asText()).isEqualTo("GUILD_MEMBER_ADD");
            JsonNode c1 = sub1.poll(Duration.ofMillis(300));
            JsonNode c2 = sub2.poll(Duration.ofMillis(300));
            assertThat(c1 == null ? 0 : 1).isNotEqualTo(c2 == null ? 0 : 1);
            assertThat(notSubscribed.poll(Duration.ofMillis(200))).isNull();
        }
    }
}
