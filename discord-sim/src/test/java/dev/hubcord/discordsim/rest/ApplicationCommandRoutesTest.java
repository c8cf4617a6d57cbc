package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.population.Snowflakes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Application command registration, global and per guild, against a running sim over HTTP. */
class ApplicationCommandRoutesTest {

    private SimRestFixture f;
    private String global;
    private String guild;

    @BeforeEach
    void start() {
        f = new SimRestFixture();
        // the test is about the routes, not the registration bucket
        f.sim.control().setRestConfig(f.sim.control().restConfig()
                .withBucket("commands", new RestConfig.BucketLimit(100, 1_000, false))
                .withBucket("guild_commands", new RestConfig.BucketLimit(100, 1_000, false)));
        global = "/applications/" + id(f.sim.applicationId()) + "/commands";
        guild = "/applications/" + id(f.sim.applicationId()) + "/guilds/" + id(f.guild.id()) + "/commands";
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static String chat(String name, String description) {
        return "{\"name\":\"" + name + "\",\"description\":\"" + description + "\"}";
    }

    private RestClient.Result call(String method, String path, String body) {
        return f.rest.call(method, path, body);
    }

    @Test
    void createIsAnUpsertByNameAndTypeWithDiscordsFields() {
        long before = System.currentTimeMillis();
        RestClient.Result created = call("POST", global, chat("ping", "Replies with pong"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.json();
        assertThat(c.path("application_id").asText()).isEqualTo(id(f.sim.applicationId()));
        assertThat(c.path("type").asInt()).isEqualTo(1);
        assertThat(c.path("default_member_permissions").isNull()).isTrue();
        assertThat(c.path("dm_permission").asBoolean()).isTrue();
        assertThat(c.has("guild_id")).isFalse();
        assertThat(c.path("options").isArray() && c.path("nsfw").isBoolean()).isTrue();
        assertThat(c.path("name_localizations").isNull() && c.has("contexts")).isTrue();
        assertThat(c.path("integration_types").toString()).isEqualTo("[0]");
        assertThat(Snowflakes.timestampMillis(Long.parseUnsignedLong(c.path("id").asText())))
                .isBetween(before - 1, System.currentTimeMillis());

        RestClient.Result again = call("POST", global,
                "{\"name\":\"ping\",\"description\":\"Pong!\",\"default_member_permissions\":8}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(c.path("id").asText());
        assertThat(again.json().path("version").asText()).isNotEqualTo(c.path("version").asText());
        assertThat(again.json().path("default_member_permissions").asText()).isEqualTo("8");

        JsonNode list = call("GET", global, null).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("description").asText()).isEqualTo("Pong!");
        assertThat(call("GET", global + "/" + c.path("id").asText(), null).json().path("name").asText())
                .isEqualTo("ping");
    }

    @Test
    void bulkOverwriteKeepsTheIdsOfSameNameAndTypeAndDeletesTheRest() {
        String ping = call("POST", global, chat("ping", "p")).json().path("id").asText();
        String info = call("POST", global, "{\"name\":\"User Info\",\"type\":2}").json().path("id").asText();
        RestClient.Result put = call("PUT", global,
                "[" + chat("ping", "new text") + "," + chat("echo", "e") + "]");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().size()).isEqualTo(2);
        assertThat(put.json().get(0).path("id").asText()).isEqualTo(ping);
        assertThat(put.json().get(0).path("description").asText()).isEqualTo("new text");
        assertThat(put.json().get(1).path("id").asText()).isNotIn(ping, info);
        assertThat(call("GET", global + "/" + info, null).json().path("code").asInt()).isEqualTo(10063);
        assertThat(call("PUT", global, "[]").json().size()).isZero();
        assertThat(call("GET", global, null).json().size()).isZero();
    }

    @Test
    void patchBumpsTheVersionAndDeleteForgetsTheCommand() {
        JsonNode c = call("POST", global, chat("ping", "p")).json();
        String path = global + "/" + c.path("id").asText();
        RestClient.Result patched = call("PATCH", path, "{\"description\":\"changed\",\"type\":3}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("description").asText()).isEqualTo("changed");
        assertThat(patched.json().path("type").asInt()).isEqualTo(1);
        assertThat(patched.json().path("id").asText()).isEqualTo(c.path("id").asText());
        assertThat(patched.json().path("version").asText()).isNotEqualTo(c.path("version").asText());
        assertThat(call("PATCH", path, "{\"name\":\"Bad Name\"}").status()).isEqualTo(400);
        assertThat(call("DELETE", path, null).status()).isEqualTo(204);
        for (String method : new String[] {"GET", "PATCH", "DELETE"}) {
            RestClient.Result gone = call(method, path, method.equals("PATCH") ? "{}" : null);
            assertThat(gone.status()).as(method).isEqualTo(404);
            assertThat(gone.json().path("code").asInt()).as(method).isEqualTo(10063);
        }
    }

    @Test
    void invalidCommandsAreRefusedWithTheFieldThatIsWrong() {
        assertError(call("POST", global, chat("Ping", "p")), "name");
        assertError(call("POST", global, chat("has space", "p")), "name");
        assertError(call("POST", global, chat("a".repeat(33), "p")), "name");
        assertError(call("POST", global, chat("ping", "")), "description");
        assertError(call("POST", global, chat("ping", "d".repeat(101))), "description");
        assertError(call("POST", global, "{\"name\":\"Info\",\"type\":2,\"description\":\"x\"}"), "description");
        assertThat(call("POST", global, "{\"name\":\"User Info\",\"type\":2}").status()).isEqualTo(201);
        assertThat(call("POST", global, chat("पिंग", "Devanagari is allowed")).status()).isEqualTo(201);
        List<String> options = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            options.add("{\"type\":3,\"name\":\"o" + i + "\",\"description\":\"d\"}");
        }
        assertError(call("POST", global, "{\"name\":\"many\",\"description\":\"d\",\"options\":["
                + String.join(",", options) + "]}"), "options");
        assertError(call("POST", global, "{\"name\":\"dup\",\"description\":\"d\",\"options\":["
                + "{\"type\":3,\"name\":\"a\",\"description\":\"d\"},{\"type\":4,\"name\":\"a\",\"description\":\"d\"}]}"),
                "options");
        RestClient.Result order = call("POST", global, "{\"name\":\"order\",\"description\":\"d\",\"options\":["
                + "{\"type\":3,\"name\":\"a\",\"description\":\"d\"},"
                + "{\"type\":3,\"name\":\"b\",\"description\":\"d\",\"required\":true}]}");
        assertError(order, "options");
        assertThat(order.json().path("errors").path("options").path("_errors").get(0).path("code").asText())
                .isEqualTo("APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID");
        RestClient.Result bulk = call("PUT", global, "[" + chat("ok", "d") + "," + chat("Bad", "d") + "]");
        assertThat(bulk.json().path("errors").path("1").path("name").path("_errors").isArray()).isTrue();
        assertError(call("PUT", global, "[" + chat("same", "d") + "," + chat("same", "e") + "]"), "1");
        assertThat(call("GET", global, null).json().size()).as("nothing registered by the refused ones").isEqualTo(2);
    }

    private static void assertError(RestClient.Result r, String field) {
        assertThat(r.status()).as(r.json().toString()).isEqualTo(400);
        assertThat(r.json().path("code").asInt()).isEqualTo(50035);
        assertThat(r.json().path("errors").has(field)).as(r.json().toString()).isTrue();
    }

    @Test
    void aScopeHoldsAtMostOneHundredChatInputAndFiveUserAndMessageCommands() {
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            commands.add(chat("c" + i, "d"));
        }
        assertThat(call("PUT", global, "[" + String.join(",", commands) + "]").status()).isEqualTo(200);
        RestClient.Result over = call("POST", global, chat("one-more", "d"));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().path("code").asInt()).isEqualTo(30032);
        assertThat(call("POST", global, chat("c7", "updating is fine")).status()).isEqualTo(200);
        assertThat(call("POST", guild, chat("one-more", "another scope")).status()).isEqualTo(201);
        commands.add(chat("c100", "d"));
        assertThat(call("PUT", global, "[" + String.join(",", commands) + "]").json().path("code").asInt())
                .isEqualTo(30032);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add("{\"name\":\"U" + i + "\",\"type\":2}");
        }
        assertThat(call("PUT", guild, "[" + String.join(",", users) + "]").json().path("code").asInt())
                .isEqualTo(30032);
        assertThat(call("GET", global, null).json().size()).isEqualTo(100);
    }

    @Test
    void guildCommandsAreTheirOwnScopeAndOnlyForTheApplicationAndItsGuilds() {
        JsonNode g = call("POST", guild, chat("ping", "guild")).json();
        assertThat(g.path("guild_id").asText()).isEqualTo(id(f.guild.id()));
        assertThat(g.has("dm_permission")).isFalse();
        assertThat(call("GET", global, null).json().size()).isZero();
        assertThat(call("GET", guild, null).json().size()).isEqualTo(1);
        assertThat(call("GET", global + "/" + g.path("id").asText(), null).status()).isEqualTo(404);
        RestClient.Result other = call("GET", "/applications/1234/commands", null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("code").asInt()).isEqualTo(50001);
        RestClient.Result strange = call("GET", "/applications/" + id(f.sim.applicationId())
                + "/guilds/99999/commands", null);
        assertThat(strange.json().path("code").asInt()).isEqualTo(50001);
        assertThat(call("GET", global, null).response().headers().firstValue("X-RateLimit-Bucket")).isPresent();
    }

    @Test
    void anInteractionCarriesTheRegisteredCommandsIdGuildFirst() {
        long channel = f.channel("general");
        long user = f.guild.members().get(5).userId();
        long derived = commandId(f.sim.control().events().interactionCreate(channel, user, "ping", null));
        String globalId = call("POST", global, chat("ping", "p")).json().path("id").asText();
        assertThat(Long.toUnsignedString(commandId(f.sim.control().events().interactionCreate(channel, user, "ping", null))))
                .isEqualTo(globalId).isNotEqualTo(Long.toUnsignedString(derived));
        String guildId = call("POST", guild, chat("ping", "p")).json().path("id").asText();
        assertThat(Long.toUnsignedString(commandId(f.sim.control().events().interactionCreate(channel, user, "ping", null))))
                .isEqualTo(guildId);
        assertThat(commandId(f.sim.control().events().interactionCreate(channel, user, "other", null)))
                .as("an unregistered name keeps its derived id").isNotIn(Long.parseUnsignedLong(globalId),
                        Long.parseUnsignedLong(guildId));
    }

    private static long commandId(dev.hubcord.discordsim.control.SimEvents.CreatedInteraction created) {
        return Long.parseUnsignedLong(created.payload().path("data").path("id").asText());
    }
}
