package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a commands worker in the middle of a burst of 2,000 commands: every command is answered, and
 * exactly once (the hub redelivers what the dead worker had not acknowledged; Discord drops a repeated reply by its
 * nonce).
 */
class CommandsFailoverIT {

    private static final int COMMANDS = 2_000;

    private final Deployment system = SharedSystem.get();

    @AfterEach
    void heal() {
        system.sim().bucket("messages", 5, 5_000); // Discord's own limit again
        system.heal();
    }

    @Test
    void everyCommandOfABurstIsAnsweredExactlyOnceThoughAWorkerIsKilled() throws Exception {
        // Discord allows 5 messages per 5 s per channel; a suite cannot wait 3 minutes, so the channels here are as
        // fast as the global limit (50/s) lets the bot be.
        system.sim().bucket("messages", 50, 1_000);
        List<Users> guilds = new ArrayList<>();
        for (JsonNode g : system.sim().guilds()) {
            if (g.path("member_count").asInt() >= 1_000) {
                guilds.add(new Users(system, g.path("id").asText()));
            }
        }
        Map<String, String> channelOf = new HashMap<>(); // trigger message ID -> channel
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<String[]>> sent = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                Users users = guilds.get(i % guilds.size());
                List<String> channels = users.textChannels();
                String channel = channels.get((i / guilds.size()) % channels.size());
                // a different member each time: no cooldown in the way
                String author = users.people().get(10 + i / guilds.size()).path("user_id").asText();
                sent.add(senders.submit(() -> new String[] {
                    system.sim().say(channel, author, "!ping").path("id").asText(), channel}));
            }
            boolean killed = false;
            for (var f : sent) {
                String[] idAndChannel = f.get();
                channelOf.put(idAndChannel[0], idAndChannel[1]);
                if (!killed && channelOf.size() == COMMANDS / 4) {
                    // the workers are busy with the burst now
                    system.process("commands-1").kill();
                    killed = true;
                }
            }
        }
        await("a reply to every command").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> repliesByTrigger(channelOf.keySet()).size() == COMMANDS);
        Map<String, Integer> replies = repliesByTrigger(channelOf.keySet());
        assertThat(replies.values()).allMatch(n -> n == 1);
        assertThat(system.process("commands-2").isAlive()).isTrue();
    }

    /** How many messages the bot posted in reply to each trigger. */
    private Map<String, Integer> repliesByTrigger(Set<String> triggers) {
        Map<String, Integer> count = new HashMap<>();
        Set<String> wanted = new HashSet<>(triggers);
        for (JsonNode m : system.sim().messages(null)) {
            String to = m.path("reply_to").asText("");
            if (wanted.contains(to) && m.path("kind").asText().equals("message") && !m.path("deleted").asBoolean()) {
                count.merge(to, 1, Integer::sum);
            }
        }
        return count;
    }
}
