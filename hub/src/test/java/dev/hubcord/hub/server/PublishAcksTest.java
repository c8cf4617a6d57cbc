package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Publisher acknowledgements over real sockets, spoken by hand: op 8 after what was taken, duplicates
 * dropped within a session, {@code published} in IDENTIFIED and RESUMED, and the errors.
 */
class PublishAcksTest {

    private static final String SHARDER_ACKS = "\"publishAcks\":true";

    private static String command(long ps, String name) {
        return "{\"ps\":" + ps + ",\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"d\":{\"command\":\"" + name
                + "\",\"raw\":\"\",\"ids\":{}}}";
    }

    /** Reads until an op 8 confirming {@code s}; fails on anything confirming more. */
    private static void awaitPublishAck(RawClient client, long s) {
        while (true) {
            JsonNode payload = client.next();
            if (payload.get("op").intValue() == 8) {
                long confirmed = payload.at("/d/s").longValue();
                assertThat(confirmed).isLessThanOrEqualTo(s);
                if (confirmed == s) {
                    return;
                }
            }
        }
    }

    private static List<String> commands(RawClient worker, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode e = worker.nextEvent();
            names.add(e.at("/d/command").asText());
            worker.ack(e.get("s").longValue());
        }
        return names;
    }

    @Test
    void confirmsWhatItTookDropsDuplicatesAndReportsTheLastTakenOnResume() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000"));
                RawClient worker = RawClient.identified(hub, "commands");
                RawClient sharder = RawClient.identified(hub, "sharder", null, SHARDER_ACKS)) {
            assertThat(sharder.identifiedData().get("published").longValue()).isZero();
            sharder.sendText(command(1, "a"));
            sharder.sendText(command(2, "b"));
            sharder.sendText(command(2, "b-again"));
            sharder.sendText(command(1, "a-again"));
            awaitPublishAck(sharder, 2);
            assertThat(commands(worker, 2)).containsExactly("a", "b");
            Awaitility.await().until(() -> hub.server().core().metrics().publishDuplicateCount() == 2);

            String session = sharder.sessionId();
            sharder.kill();
            Awaitility.await().until(() -> !hub.server().core().sessions().get(session).isConnected());
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.sendText("{\"op\":6,\"d\":{\"secret\":\"" + TestHub.SECRET + "\",\"session\":\"" + session
                        + "\",\"seq\":1," + SHARDER_ACKS + "}}");
                JsonNode resumed;
                do {
                    resumed = back.nextEvent();
                } while (!resumed.get("t").asText().equals("RESUMED"));
                assertThat(resumed.at("/d/published").longValue()).isEqualTo(2);
                // What a client does after RESUMED: sends again only what came after 2 (a stray repeat is dropped).
                back.sendText(command(2, "b-replayed"));
                back.sendText(command(3, "c"));
                awaitPublishAck(back, 3);
                assertThat(commands(worker, 1)).containsExactly("c");
                assertThat(worker.poll(Duration.ofMillis(300))).as("nothing more").isNull();
            }
            assertThat(hub.server().core().metrics().publishDuplicateCount()).isEqualTo(3);
        }
    }

    @Test
    void aSessionWithAcknowledgementsMustNumberWhatItPublishes() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder", null, SHARDER_ACKS)) {
            sharder.event("EXECUTE_COMMAND", "{\"command\":\"a\",\"raw\":\"\",\"ids\":{}}");
            assertThat(sharder.expectClose(4005).reason()).contains("ps");
        }
    }

    @Test
    void aRefusedPayloadCountsAsTakenSoThatItIsNotSentAgainIntoTheSameClose() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000"));
                RawClient sharder = RawClient.identified(hub, "sharder", null, SHARDER_ACKS)) {
            String session = sharder.sessionId();
            sharder.sendText("{\"ps\":1,\"op\":2,\"t\":\"PLAYER_PLAY\",\"d\":{\"guildID\":\"1\"}}");
            sharder.expectClose(4006);
            try (RawClient back = RawClient.connectAndHello(hub)) {
                back.sendText("{\"op\":6,\"d\":{\"secret\":\"" + TestHub.SECRET + "\",\"session\":\"" + session
                        + "\",\"seq\":1," + SHARDER_ACKS + "}}");
                JsonNode resumed;
                do {
                    resumed = back.nextEvent();
                } while (!resumed.get("t").asText().equals("RESUMED"));
                assertThat(resumed.at("/d/published").longValue()).isEqualTo(1);
            }
        }
    }

    @Test
    void withoutAcknowledgementsNothingChanges() {
        try (TestHub hub = TestHub.start();
                RawClient worker = RawClient.identified(hub, "commands");
                RawClient sharder = RawClient.identified(hub, "sharder")) {
            assertThat(sharder.identifiedData().has("published")).isFalse();
            sharder.sendText(command(1, "a"));
            sharder.sendText(command(1, "b")); // ps is an unknown field here: ignored, not a duplicate
            assertThat(commands(worker, 2)).containsExactly("a", "b");
            sharder.heartbeat();
            assertThat(sharder.next().get("op").intValue()).as("no op 8, only the HEARTBEAT_ACK").isEqualTo(4);
        }
    }

    @Test
    void anIllTypedFlagOrAClientOp8IsRefused() {
        try (TestHub hub = TestHub.start()) {
            try (RawClient bad = RawClient.connectAndHello(hub)) {
                bad.identify("sharder", null, "\"publishAcks\":\"yes\"");
                assertThat(bad.expectClose(4005).reason()).contains("publishAcks");
            }
            try (RawClient bad = RawClient.identified(hub, "sharder", null, SHARDER_ACKS)) {
                bad.sendText("{\"op\":8,\"d\":{\"s\":1}}");
                bad.expectClose(4003);
            }
        }
    }
}
