package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.Topology;
import dev.hubcord.systemtests.harness.Users;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands round trips through every process: a user's message or slash command, the bot's answer on Discord. */
class CommandsIT {

    static Deployment system;
    static Users users;

    @BeforeAll
    static void start() {
        system = Deployment.start(Topology.standard(), Path.of("target", "system-tests", "commands"));
        users = Users.ofLargeGuild(system.sim(), 1_000);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
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
