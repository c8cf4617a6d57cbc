package dev.hubcord.hub.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.Metrics;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.StuckClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guild events have one possible receiver: for a sharder that stops reading they wait in the hub's queue once its
 * backlog is full (it is not closed for them), its own events are not read meanwhile, and when it reads again it gets
 * every one of them, in order, and is read from again.
 */
class GuildBackpressureTest {

    @Test
    void gatewaySendsWaitForASharderThatStopsReadingAndAllArriveWhenItReadsAgain() throws Exception {
        String big = "z".repeat(60_000);
        try (TestHub hub = TestHub.start(Map.of("HUB_RATE_LIMIT", "100000000", "HUB_SHARD_COUNT", "1",
                        "HUB_OUTBOUND_BACKLOG_BYTES", "1048576"));
                StuckClient sharder = StuckClient.identified(hub, "sharder", null);
                RawClient commands = RawClient.identified(hub, "commands")) {
            int n = 200; // 12 MB: past the socket buffers, the water mark and the 1 MiB backlog
            for (int i = 0; i < n; i++) {
                commands.event("GATEWAY_SEND", "{\"shard\":0,\"op\":8,\"d\":{\"nonce\":\"g" + i + "\",\"q\":\"" + big + "\"}}");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.value(hub, "hub_events_waiting") > 0);
            assertThat(Metrics.value(hub, "hub_producers_paused_total")).as("the sharder is not read meanwhile")
                    .isGreaterThanOrEqualTo(1);
            assertThat(Metrics.value(hub, "hub_slow_consumers_closed_total")).isZero();
            assertThat(Metrics.value(hub, "hub_outbound_backlog_bytes")).isLessThanOrEqualTo(1048576 + 70_000);

            List<String> nonces = new ArrayList<>();
            while (nonces.size() < n) {
                JsonNode payload = sharder.readText();
                if ("GATEWAY_SEND".equals(payload.path("t").asText())) {
                    nonces.add(payload.at("/d/d/nonce").asText());
                }
            }
            assertThat(nonces).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, n).mapToObj(i -> "g" + i).toList());
            assertThat(Metrics.value(hub, "hub_events_waiting")).isZero();
            sharder.sendText("{\"op\":1,\"d\":null}");
            sharder.flush();
            assertThat(sharder.readText().get("op").intValue()).as("read from again").isEqualTo(4);
        }
    }
}
