package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.Music;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the hub and a restart: the commands users sent while it was down are all answered (the sharders
 * kept them until the new hub took them), the cache is whole again, and the music never stopped.
 */
class HubRestartIT {

    private final Deployment system = SharedSystem.get();

    @AfterEach
    void heal() {
        system.heal();
    }

    @Test
    void nothingSentDuringAnOutageIsLostTheCacheIsWholeAndMusicGoesOn() {
        List<JsonNode> guilds = system.sim().guilds();
        Music music = new Music(system.sim(), new Users(system, guilds.get(4).path("id").asText()));
        music.command("!play " + SharedSystem.tracks().tone("restart-a", 500, 120));
        await("audio at the voice server").atMost(Duration.ofSeconds(20)).until(() -> music.frames() > 100);
        Map<String, Integer> cachedBefore = cachedMembers(guilds);

        List<Users> people = guilds.stream().map(g -> new Users(system, g.path("id").asText())).toList();
        people.forEach(Users::textChannels); // learnt from the hub while it is up

        system.process("hub").kill();
        List<String[]> sent = new ArrayList<>(); // {message id, channel}
        for (int i = 0; i < 3 * guilds.size(); i++) {
            Users users = people.get(i % guilds.size());
            String author = users.people().get(5 + i / guilds.size()).path("user_id").asText();
            String channel = users.textChannel();
            sent.add(new String[] {system.sim().say(channel, author, "!ping").path("id").asText(), channel});
        }
        long framesDuringOutage = music.frames();
        system.restart("hub");
        system.awaitReady();

        for (String[] m : sent) {
            assertThat(people.getFirst().awaitReply(m[1], m[0])).startsWith("Pong!");
        }
        for (String[] m : sent) {
            long replies = system.sim().messages(m[1]).stream()
                    .filter(x -> x.path("reply_to").asText("").equals(m[0])).count();
            assertThat(replies).as("replies to %s", m[0]).isEqualTo(1);
        }
        await("the cache refilled").atMost(Duration.ofSeconds(30)).until(() -> cachedMembers(guilds).equals(cachedBefore));
        assertThat(music.frames()).isGreaterThan(framesDuringOutage);
        // the worker that plays the guild still takes its commands
        assertThat(music.command("!nowplaying")).startsWith("Now playing ");
        music.command("!leave");
    }

    private Map<String, Integer> cachedMembers(List<JsonNode> guilds) {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode g : guilds) {
            String id = g.path("id").asText();
            out.put(id, system.hub().get("/v1/discord/guilds/" + id).path("cachedMemberCount").asInt());
        }
        return out;
    }
}
