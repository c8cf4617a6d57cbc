package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands round trips through every process: a user's message or slash command, the bot's answer on Discord. */
class CommandsIT {

    static Deployment system;
    static Users users;

    @BeforeAll
    static void start() {
        system = SharedSystem.get();
        users = Users.ofLargeGuild(system, 1_000);
    }

    @Test
    void aPrefixCommandIsAnswered() {
        String author = users.people().get(3).path("user_id").asText();
        assertThat(users.command(users.textChannel(), author, "!ping")).startsWith("Pong! Hub: ");
    }

    @Test
    void aSlashCommandIsAnswered() {
        String user = users.people().get(4).path("user_id").asText();
        assertThat(users.slash(users.textChannel(), user, "ping", null)).startsWith("Pong! Hub: ");
    }
}
