package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A client over its rate is slowed, not closed, and loses nothing; one that stays over it is closed. */
class RateLimitTest {

    @Test
    void aBurstOverTheLimitIsSlowedDownAndNothingIsLost() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RATE_LIMIT", "100"));
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient worker = RawClient.identified(hub, "commands")) {
            int n = 600; // the bucket holds 200: the hub stops reading until the rest are within the rate
            for (int i = 0; i < n; i++) {
                sharder.event("EXECUTE_COMMAND", "{\"command\":\"c" + i + "\",\"raw\":\"\",\"ids\":{}}");
            }
            Set<String> got = new HashSet<>();
            while (got.size() < n) {
                JsonNode e = worker.nextEvent();
                got.add(e.at("/d/command").asText());
                worker.ack(e.get("s").longValue());
            }
            assertThat(hub.server().core().metrics().throttledCount()).isGreaterThan(0);
            assertThat(sharder.isClosed()).isFalse();
            sharder.heartbeat();
            assertThat(sharder.next().get("op").intValue()).isEqualTo(4);
        }
    }
}
