package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Moderation of members who have never said a word, in a guild of thousands: the bot knows them (member lists
 * requested from Discord, or fetched on a cache miss) and Discord shows the effect.
 */
class ModerationIT {

    private final Deployment system = SharedSystem.get();

    @Test
    void userinfoBanKickAndTimeoutOfSilentMembersOfALargeGuild() {
        Users users = Users.ofLargeGuild(system, 2_500);
        String channel = users.textChannel();
        String mod = users.moderator();
        JsonNode a = users.people().get(2_400);
        JsonNode b = users.people().get(2_401);
        JsonNode c = users.people().get(2_402);
        JsonNode d = users.people().get(2_403);

        String info = users.command(channel, mod, "!userinfo " + id(a));
        assertThat(info).startsWith("**" + a.path("username").asText()).contains("ID: " + id(a));
        // by name, as people type it
        assertThat(users.command(channel, mod, "!userinfo " + b.path("username").asText()))
                .contains("ID: " + id(b));

        assertThat(users.command(channel, mod, "!ban " + id(b) + " spamming"))
                .startsWith("Banned **" + b.path("username").asText());
        assertThat(users.command(channel, mod, "!kick " + id(c) + " rude")).startsWith("Kicked **");
        assertThat(users.command(channel, mod, "!timeout " + id(d) + " 10m calm down")).startsWith("Timed out **");

        await("Discord shows the effects").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode guild = system.sim().guild(users.guildId());
            assertThat(guild.path("bans").toString()).contains("\"" + id(b) + "\"");
            boolean cStillThere = false;
            long dUntil = 0;
            for (JsonNode m : guild.path("members")) {
                cStillThere |= id(m).equals(id(c));
                if (id(m).equals(id(d))) {
                    dUntil = m.path("communication_disabled_until").asLong();
                }
            }
            assertThat(cStillThere).as("kicked member still in the guild").isFalse();
            assertThat(dUntil).isGreaterThan(System.currentTimeMillis() + 9 * 60_000);
        });
    }

    private static String id(JsonNode member) {
        return member.path("user_id").asText();
    }
}
