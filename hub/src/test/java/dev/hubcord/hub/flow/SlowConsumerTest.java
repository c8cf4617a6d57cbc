package dev.hubcord.hub.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.testing.Metrics;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.StuckClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replies cannot go to anyone else: a requester that stops reading them is closed with 4011 once its backlog reaches
 * its bound, and resumes with everything it missed from its replay buffer.
 */
class SlowConsumerTest {

    @Test
    void aRequesterThatStopsReadingItsRepliesIsClosedWith4011AndResumes() throws Exception {
        String big = "y".repeat(64 * 1024);
        try (TestHub hub = TestHub.start(Map.of("HUB_RATE_LIMIT", "100000000", "HUB_OUTBOUND_BACKLOG_BYTES", "65536"));
                RawClient audio = RawClient.identified(hub, "audio");
                StuckClient stuck = StuckClient.identified(hub, "commands", null)) {
            int n = 300; // 19 MB of replies: more than the socket buffers, the water mark and the backlog
            for (int i = 0; i < n; i++) {
                stuck.sendText("{\"op\":2,\"t\":\"LOAD_TRACKS\",\"d\":{\"nonce\":\"n" + i + "\",\"identifier\":\"q\"}}");
            }
            stuck.flush();
            for (int i = 0; i < n; i++) {
                JsonNode request = audio.nextEvent();
                audio.event("REPLY", "{\"nonce\":\"" + request.at("/d/nonce").asText() + "\",\"data\":\"" + big + "\"}");
                audio.ack(request.get("s").longValue());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.value(hub, "hub_slow_consumers_closed_total") == 1);
            Session session = hub.server().core().sessions().get(stuck.sessionId());
            await().atMost(Duration.ofSeconds(10)).until(() -> !session.isConnected());
            assertThat(session.isEnded()).as("resumable").isFalse();
            assertThat(Metrics.value(hub, "hub_outbound_backlog_bytes")).isZero();

            try (RawClient resumed = RawClient.connectAndHello(hub)) {
                resumed.send(6, null, "{\"secret\":\"" + TestHub.SECRET + "\",\"session\":\"" + stuck.sessionId()
                        + "\",\"seq\":1}");
                int replies = 0;
                JsonNode payload;
                while (!"RESUMED".equals((payload = resumed.next()).path("t").asText())) {
                    if ("REPLY".equals(payload.path("t").asText())) {
                        replies++;
                    }
                }
                assertThat(replies).as("every reply, from the replay buffer").isEqualTo(n);
                assertThat(payload.at("/d/replayed").intValue()).isEqualTo(n);
            }
        }
    }
}
