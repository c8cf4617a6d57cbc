package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's reactions and who reacted; adding and removing a member's role with the hierarchy enforced. */
class ReactionAndRoleRoutesTest {

    private static final String THUMBS_UP = "%F0%9F%91%8D";

    private SimRestFixture f;

    @BeforeEach
    void start() {
        f = new SimRestFixture(SimRestFixture.WITH_REACTIONS_AND_TYPING);
        // reactions are 1 per 250 ms by default; the test is about the routes, not that limit
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("reactions", new RestConfig.BucketLimit(20, 1_000, false)));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void reactAndListAndUnreact() {
        long general = f.channel("general");
        JsonNode sent = f.post(general, "{\"content\":\"vote\"}");
        String message = "/channels/" + id(general) + "/messages/" + sent.path("id").asText();
        String botId = id(f.sim.population().bot().id());

        assertThat(f.rest.call("PUT", message + "/reactions/" + THUMBS_UP + "/@me", null).status()).isEqualTo(204);
        JsonNode add = f.gateway.nextDispatch("MESSAGE_REACTION_ADD").path("d");
        assertThat(add.path("emoji").path("name").asText()).isEqualTo("👍");
        assertThat(add.path("emoji").path("id").isNull()).isTrue();
        assertThat(add.path("user_id").asText()).isEqualTo(botId);
        assertThat(add.path("message_author_id").asText()).isEqualTo(botId);
        assertThat(add.path("member").path("user").path("id").asText()).isEqualTo(botId);

        JsonNode users = f.rest.call("GET", message + "/reactions/" + THUMBS_UP, null).json();
        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("id").asText()).isEqualTo(botId);
        JsonNode reaction = f.rest.call("GET", message, null).json().path("reactions").get(0);
        assertThat(reaction.path("count").asInt()).isEqualTo(1);
        assertThat(reaction.path("me").asBoolean()).isTrue();

        assertThat(f.rest.call("DELETE", message + "/reactions/" + THUMBS_UP + "/@me", null).status())
                .isEqualTo(204);
        assertThat(f.gateway.nextDispatch("MESSAGE_REACTION_REMOVE").path("d").path("message_id").asText())
                .isEqualTo(sent.path("id").asText());
        assertThat(f.rest.call("GET", message, null).json().has("reactions")).isFalse();

        RestClient.Result custom = f.rest.call("PUT", message + "/reactions/party:123/@me", null);
        assertThat(custom.status()).isEqualTo(400);
        assertThat(custom.json().path("code").asInt()).isEqualTo(10014);
        assertThat(f.rest.call("PUT", "/channels/" + id(general) + "/messages/1/reactions/" + THUMBS_UP + "/@me",
                null).json().path("code").asInt()).isEqualTo(10008);
    }

    @Test
    void addAndRemoveARoleBelowTheBotButNotOneAboveIt() {
        SimMember target = f.guild.members().get(6);
        SimRole moderator = role("Moderator");
        String path = "/guilds/" + id(f.guild.id()) + "/members/" + id(target.userId()) + "/roles/";

        assertThat(f.rest.call("PUT", path + id(moderator.id()), null).status()).isEqualTo(204);
        JsonNode update = f.gateway.nextDispatch("GUILD_MEMBER_UPDATE").path("d");
        assertThat(update.path("user").path("id").asText()).isEqualTo(id(target.userId()));
        assertThat(update.path("roles").toString()).contains(id(moderator.id()));
        assertThat(f.guild.member(target.userId()).orElseThrow().roles()).contains(moderator.id());

        assertThat(f.rest.call("DELETE", path + id(moderator.id()), null).status()).isEqualTo(204);
        assertThat(f.gateway.nextDispatch("GUILD_MEMBER_UPDATE").path("d").path("roles").toString())
                .doesNotContain(id(moderator.id()));
        assertThat(f.guild.member(target.userId()).orElseThrow().roles()).doesNotContain(moderator.id());

        RestClient.Result above = f.rest.call("PUT", path + id(role("Admin").id()), null);
        assertThat(above.status()).isEqualTo(403);
        assertThat(above.json().path("code").asInt()).isEqualTo(50013);
        assertThat(f.rest.call("PUT", path + "1", null).json().path("code").asInt()).isEqualTo(10011);
        assertThat(f.rest.call("PUT", "/guilds/" + id(f.guild.id()) + "/members/1/roles/" + id(moderator.id()),
                null).json().path("code").asInt()).isEqualTo(10007);
    }

    private SimRole role(String name) {
        return f.guild.snapshot().roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
