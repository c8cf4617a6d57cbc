package dev.hubcord.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EXECUTE_COMMAND: {@code one} delivery with ACK and redelivery, over real sockets. */
class CommandDeliveryTest {

    private static String command(int i) {
        return "{\"command\":\"c" + i + "\",\"raw\":\"\",\"ids\":{\"message\":\"" + (1000 + i) + "\"}}";
    }

    @Test
    void eachCommandReachesExactlyOneOfThreeWorkers() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient w1 = RawClient.identified(hub, "commands");
                RawClient w2 = RawClient.identified(hub, "commands");
                RawClient w3 = RawClient.identified(hub, "commands")) {
            int n = 300;
            for (int i = 0; i < n; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
            }
            Map<String, Integer> seen = new HashMap<>();
            Map<RawClient, Integer> perWorker = new HashMap<>();
            for (RawClient w : List.of(w1, w2, w3)) {
                JsonNode e;
                while ((e = w.poll(Duration.ofMillis(500))) != null) {
                    if (e.get("op").intValue() != 2) {
                        continue;
                    }
                    seen.merge(e.at("/d/command").asText(), 1, Integer::sum);
                    perWorker.merge(w, 1, Integer::sum);
                    assertThat(e.at("/d/redelivered").isMissingNode()).isTrue();
                    w.ack(e.get("s").longValue());
                }
            }
            assertThat(seen).hasSize(n);
            assertThat(seen.values()).allMatch(count -> count == 1);
            // least-unacknowledged selection spreads load over all three
            assertThat(perWorker).hasSize(3);
            assertThat(perWorker.values()).allMatch(count -> count >= 50);
        }
    }

    @Test
    void workersThatAcknowledgeAtOnceTakeTurns() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient w1 = RawClient.identified(hub, "commands");
                RawClient w2 = RawClient.identified(hub, "commands")) {
            // one command at a time, each acknowledged before the next: both workers are always at load 0
            Map<RawClient, Integer> perWorker = new HashMap<>();
            for (int i = 0; i < 20; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
                JsonNode e = null;
                RawClient got = null;
                while (e == null) {
                    for (RawClient w : List.of(w1, w2)) {
                        JsonNode candidate = w.poll(Duration.ofMillis(20));
                        if (candidate != null && candidate.get("op").intValue() == 2) {
                            e = candidate;
                            got = w;
                            break;
                        }
                    }
                }
                perWorker.merge(got, 1, Integer::sum);
                got.ack(e.get("s").longValue());
                got.heartbeat(); // the ACK is handled before the heartbeat's answer: load is 0 again
                while (got.next().get("op").intValue() != 4) {
                    // skip anything else
                }
            }
            assertThat(perWorker.get(w1)).isEqualTo(10);
            assertThat(perWorker.get(w2)).isEqualTo(10);
        }
    }

    @Test
    void killedWorkersUnackedCommandsAreRedeliveredAndNoneLostOrDuplicated() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "300"));
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient survivor = RawClient.identified(hub, "commands");
                RawClient doomed = RawClient.identified(hub, "commands")) {
            int n = 100;
            for (int i = 0; i < n; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
            }
            Set<String> acked = new HashSet<>();
            List<String> ackedInOrder = new ArrayList<>();
            // the doomed worker acks only its first 10 events, then dies without closing
            Set<String> doomedGot = new HashSet<>();
            JsonNode e;
            int doomedAcks = 0;
            while ((e = doomed.poll(Duration.ofMillis(500))) != null) {
                if (e.get("op").intValue() != 2) {
                    continue;
                }
                String c = e.at("/d/command").asText();
                doomedGot.add(c);
                if (doomedAcks++ < 10) {
                    doomed.ack(e.get("s").longValue());
                    acked.add(c);
                    ackedInOrder.add(c);
                }
            }
            assertThat(doomedGot.size()).isGreaterThan(10);
            doomed.kill();
            Set<String> redelivered = new HashSet<>();
            while ((e = survivor.poll(Duration.ofSeconds(2))) != null) {
                if (e.get("op").intValue() != 2) {
                    continue;
                }
                String c = e.at("/d/command").asText();
                if (e.at("/d/redelivered").asBoolean(false)) {
                    redelivered.add(c);
                }
                survivor.ack(e.get("s").longValue());
                acked.add(c);
                ackedInOrder.add(c);
            }
            Set<String> doomedUnacked = new HashSet<>(doomedGot);
            doomedUnacked.removeAll(new HashSet<>(ackedInOrder.subList(0, 10)));
            assertThat(redelivered).isEqualTo(doomedUnacked);
            assertThat(acked).hasSize(n);
            assertThat(ackedInOrder).doesNotHaveDuplicates();
        }
    }

    @Test
    void commandsWaitWhileNoWorkerIsConnected() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder")) {
            for (int i = 0; i < 5; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
            }
            sharder.heartbeat();
            sharder.next();
            try (RawClient late = RawClient.identified(hub, "commands")) {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    got.add(late.nextEvent().at("/d/command").asText());
                }
                assertThat(got).containsExactly("c0", "c1", "c2", "c3", "c4");
            }
        }
    }

    @Test
    void aWorkerThatClosesWith1000HasItsCommandsRedeliveredAtOnce() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "60000"));
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient leaving = RawClient.identified(hub, "commands")) {
            sharder.event("EXECUTE_COMMAND", command(1));
            assertThat(leaving.nextEvent().at("/d/command").asText()).isEqualTo("c1");
            try (RawClient other = RawClient.identified(hub, "commands")) {
                leaving.close(1000);
                JsonNode again = other.nextEvent();
                assertThat(again.at("/d/command").asText()).isEqualTo("c1");
                assertThat(again.at("/d/redelivered").asBoolean()).isTrue();
            }
        }
    }
}
