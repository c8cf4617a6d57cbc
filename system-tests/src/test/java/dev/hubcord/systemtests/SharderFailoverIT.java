package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kill -9} of a sharder: its shards run on the other one within 30 s, identified 5 s apart. */
class SharderFailoverIT {

    private final Deployment system = SharedSystem.get();

    @AfterEach
    void heal() {
        system.heal();
    }

    @Test
    void aKilledSharderShardsMoveToTheOtherWithIdentifiesFiveSecondsApart() {
        Set<Integer> moved = shardsOf("sharder-1");
        assertThat(moved).isNotEmpty();
        long killedAt = System.currentTimeMillis();
        system.process("sharder-1").kill();

        await("every shard READY on sharder-2").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    for (JsonNode s : system.hub().shards()) {
                        if (!s.path("sharder").asText().equals("sharder-2")
                                || !s.path("status").asText().equalsIgnoreCase("ready")) {
                            return false;
                        }
                    }
                    return true;
                });

        List<JsonNode> identifies = new ArrayList<>();
        for (JsonNode i : system.sim().identifies()) {
            if (i.path("atMillis").asLong() >= killedAt) {
                identifies.add(i);
            }
        }
        assertThat(identifies).extracting(i -> i.path("outcome").asText()).containsOnly("ACCEPTED");
        assertThat(identifies).extracting(i -> i.path("shardId").asInt()).containsExactlyInAnyOrderElementsOf(moved);
        for (int k = 1; k < identifies.size(); k++) {
            long gap = identifies.get(k).path("atMillis").asLong() - identifies.get(k - 1).path("atMillis").asLong();
            assertThat(gap).as("IDENTIFY %d after the one before", k).isGreaterThanOrEqualTo(5_000);
        }

        // the guilds of the moved shards are served again: a member of each says !ping
        for (JsonNode g : system.sim().guilds()) {
            if (moved.contains(shardOf(g))) {
                Users users = new Users(system, g.path("id").asText());
                String author = users.people().get(1).path("user_id").asText();
                assertThat(users.command(users.textChannel(), author, "!ping")).startsWith("Pong!");
            }
        }
    }

    private Set<Integer> shardsOf(String sharder) {
        Set<Integer> out = new HashSet<>();
        for (JsonNode s : system.hub().shards()) {
            if (s.path("sharder").asText().equals(sharder)) {
                out.add(s.path("shard").asInt());
            }
        }
        return out;
    }

    private int shardOf(JsonNode guild) {
        long id = Long.parseUnsignedLong(guild.path("id").asText());
        return (int) ((id >>> 22) % system.hub().shards().size());
    }
}
