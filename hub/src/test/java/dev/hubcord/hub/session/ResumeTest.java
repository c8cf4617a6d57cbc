package dev.hubcord.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.codec.ZstdStreamDecompressor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** RESUME over real sockets: replay in order with the original {@code s}, RESUMED, expiry and 4009. */
class ResumeTest {

    private static String resume(String session, long seq, String compress) {
        return "{\"op\":6,\"d\":{\"secret\":\"" + TestHub.SECRET + "\",\"session\":\"" + session + "\",\"seq\":" + seq
                + (compress == null ? "" : ",\"compress\":" + compress) + "}}";
    }

    private static String command(int i) {
        return "{\"command\":\"c" + i + "\",\"raw\":\"\",\"ids\":{}}";
    }

    private static final String GUILD = "41771983423143937";

    private static String play(int i) {
        return "{\"guildID\":\"" + GUILD + "\",\"track\":\"t" + i + "\"}";
    }

    @Test
    void eventsSentWhileAwayAreReplayedInOrderThenResumed() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000"));
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient audio = RawClient.identified(hub, "audio")) {
            String session = audio.sessionId();
            commands.event("PLAYER_PLAY", play(0));
            JsonNode first = audio.nextEvent();
            long lastSeen = first.get("s").longValue();
            audio.ack(lastSeen);
            audio.kill();
            Awaitility.await().until(() -> !hub.server().core().sessions().get(session).isConnected());
            // The guild stays with its audio worker while it may resume: these are kept for it.
            for (int i = 1; i <= 5; i++) {
                commands.event("PLAYER_PLAY", play(i));
            }
            commands.heartbeat();
            commands.next();
            // a zstd-compressed resume: replayed events are the first compressed payloads
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.useDecompressor(new ZstdStreamDecompressor(1 << 20));
                back.sendText(resume(session, lastSeen, "true"));
                List<String> tracks = new ArrayList<>();
                List<Long> seqs = new ArrayList<>();
                JsonNode e;
                while (!(e = back.nextEvent()).get("t").asText().equals("RESUMED")) {
                    tracks.add(e.at("/d/track").asText());
                    seqs.add(e.get("s").longValue());
                    back.ack(e.get("s").longValue());
                }
                assertThat(tracks).containsExactly("t1", "t2", "t3", "t4", "t5");
                assertThat(seqs).containsExactly(lastSeen + 1, lastSeen + 2, lastSeen + 3, lastSeen + 4, lastSeen + 5);
                assertThat(e.at("/d/session").asText()).isEqualTo(session);
                assertThat(e.at("/d/replayed").asInt()).isEqualTo(5);
                assertThat(back.rawFrames().subList(1, back.rawFrames().size())).allMatch(RawClient.Frame::isBinary);
                // the session goes on: a new event arrives with the next s
                commands.event("PLAYER_PLAY", play(6));
                JsonNode next = back.nextEvent();
                assertThat(next.at("/d/track").asText()).isEqualTo("t6");
                assertThat(next.get("s").longValue()).isEqualTo(e.get("s").longValue() + 1);
            }
        }
    }

    @Test
    void commandsForAnAbsentOnlyWorkerWaitAndFollowItsResume() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000"));
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient worker = RawClient.identified(hub, "commands")) {
            String session = worker.sessionId();
            worker.kill();
            Awaitility.await().until(() -> !hub.server().core().sessions().get(session).isConnected());
            for (int i = 1; i <= 3; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
            }
            sharder.heartbeat();
            sharder.next();
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.sendText(resume(session, 1, null));
                assertThat(back.nextEvent().get("t").asText()).isEqualTo("RESUMED");
                List<String> commands = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    commands.add(back.nextEvent().at("/d/command").asText());
                }
                assertThat(commands).containsExactly("c1", "c2", "c3");
            }
        }
    }

    @Test
    void unackedEventsAreReplayedToTheResumingClientNotRedelivered() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000"));
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient worker = RawClient.identified(hub, "commands")) {
            String session = worker.sessionId();
            sharder.event("EXECUTE_COMMAND", command(1));
            JsonNode got = worker.nextEvent();
            worker.kill();
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.sendText(resume(session, got.get("s").longValue() - 1, null));
                JsonNode replayed = back.nextEvent();
                assertThat(replayed.at("/d/command").asText()).isEqualTo("c1");
                assertThat(replayed.get("s").longValue()).isEqualTo(got.get("s").longValue());
                assertThat(back.nextEvent().get("t").asText()).isEqualTo("RESUMED");
            }
        }
    }

    @Test
    void anExpiredSessionGets4009() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "200"));
                RawClient worker = RawClient.identified(hub, "commands")) {
            String session = worker.sessionId();
            worker.kill();
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> hub.server().core().sessions().get(session) == null);
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.sendText(resume(session, 1, null));
                back.expectClose(4009);
            }
        }
    }

    @Test
    void aSeqOlderThanTheBufferGets4009AndEndsTheSession() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000", "HUB_REPLAY_BUFFER", "16"));
                RawClient commands = RawClient.identified(hub, "commands");
                RawClient audio = RawClient.identified(hub, "audio")) {
            String session = audio.sessionId();
            commands.event("PLAYER_PLAY", play(0));
            audio.nextEvent();
            audio.kill();
            Awaitility.await().until(() -> !hub.server().core().sessions().get(session).isConnected());
            for (int i = 1; i <= 40; i++) {
                commands.event("PLAYER_PLAY", play(i));
            }
            commands.heartbeat();
            commands.next();
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.sendText(resume(session, 1, null));
                back.expectClose(4009);
            }
            assertThat(hub.server().core().sessions().get(session)).isNull();
            // its unacknowledged events are not lost: the guild moves to a new worker, which gets them all again
            try (RawClient fresh = RawClient.identified(hub, "audio")) {
                List<String> tracks = new ArrayList<>();
                for (int i = 0; i <= 40; i++) {
                    JsonNode e = fresh.nextEvent();
                    assertThat(e.at("/d/redelivered").asBoolean()).isTrue();
                    tracks.add(e.at("/d/track").asText());
                }
                assertThat(tracks).startsWith("t0", "t1", "t2").endsWith("t40").doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aClientClosingWith1000CannotResume() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "60000"));
                RawClient worker = RawClient.identified(hub, "commands")) {
            String session = worker.sessionId();
            worker.close(1000);
            Awaitility.await().until(() -> hub.server().core().sessions().get(session) == null);
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.sendText(resume(session, 1, null));
                back.expectClose(4009);
            }
        }
    }
}
