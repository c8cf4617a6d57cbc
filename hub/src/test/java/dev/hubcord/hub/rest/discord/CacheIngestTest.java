package dev.hubcord.hub.rest.discord;

import static dev.hubcord.hub.rest.discord.CacheFeed.channel;
import static dev.hubcord.hub.rest.discord.CacheFeed.delete;
import static dev.hubcord.hub.rest.discord.CacheFeed.deleteGuild;
import static dev.hubcord.hub.rest.discord.CacheFeed.member;
import static dev.hubcord.hub.rest.discord.CacheFeed.role;
import static dev.hubcord.hub.rest.discord.CacheFeed.voiceState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract section 7 end to end: op 5 payloads sent by a real sharder connection change what the
 * REST API answers. Each test uses its own guild IDs on one shared hub.
 */
class CacheIngestTest {

    private static TestHub hub;
    private static CacheFeed feed;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
        rest = new RestClient(hub);
        feed = new CacheFeed(hub);
    }

    @AfterAll
    static void stop() {
        feed.close();
        hub.close();
    }

    private static JsonNode get(String path) {
        RestClient.Answer a = rest.get(path);
        assertThat(a.status()).as("GET %s: %s", path, a.body()).isEqualTo(200);
        return a.json();
    }

    private static int status(String path) {
        return rest.get(path).status();
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asText()));
        return ids;
    }

    private static String guild(long id, String extra) {
        return guild(id, "g" + id, extra);
    }

    private static String guild(long id, String name, String extra) {
        return "{\"type\":\"guild\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"ownerID\":\"1\"" + extra + "}";
    }

    @Test
    void membersAreCreatedAndUpdated() {
        long g = 1001;
        feed.push(guild(g, ""), role(g, 50, "a", 0), role(g, 51, "b", 0), member(g, 7, "seven", null, "\"50\""));
        JsonNode m = get("/v1/discord/guilds/" + g + "/members/7");
        assertThat(m.get("nickname").isNull()).isTrue();
        assertThat(m.get("roles").toString()).isEqualTo("[\"50\"]");
        assertThat(m.at("/user/username").asText()).isEqualTo("seven");

        feed.push(member(g, 7, "seven_renamed", "Sev", "\"51\",\"50\""));
        m = get("/v1/discord/guilds/" + g + "/members/7");
        assertThat(m.get("nickname").asText()).isEqualTo("Sev");
        assertThat(m.get("roles").toString()).isEqualTo("[\"50\",\"51\"]");
        assertThat(m.at("/user/username").asText()).isEqualTo("seven_renamed");
        assertThat(get("/v1/discord/users/7").get("username").asText()).isEqualTo("seven_renamed");

        feed.push(role(g, 51, "b-renamed", 8192), channel(g, 60, 0, ""), channel(g, 60, 5, ""));
        assertThat(get("/v1/discord/guilds/" + g + "/roles/51").get("name").asText()).isEqualTo("b-renamed");
        assertThat(get("/v1/discord/guilds/" + g + "/roles/51").get("permissions").asText()).isEqualTo("8192");
        assertThat(get("/v1/discord/guilds/" + g + "/channels/60").get("type").intValue()).isEqualTo(5);
        assertThat(get("/v1/discord/guilds/" + g + "/channels")).hasSize(1);
    }

    @Test
    void guildPayloadReplacesRolesChannelsAndVoiceStatesButUpsertsMembers() {
        long g = 1002;
        feed.push(guild(g, ",\"roles\":[{\"id\":\"" + g + "\",\"name\":\"@everyone\",\"permissions\":\"0\"},"
                        + "{\"id\":\"61\",\"name\":\"old\",\"permissions\":\"0\"}],"
                        + "\"channels\":[{\"id\":\"70\",\"type\":2,\"name\":\"v\"},{\"id\":\"71\",\"type\":0,\"name\":\"t\"}],"
                        + "\"voiceStates\":[{\"userID\":\"8\",\"channelID\":\"70\"}],"
                        + "\"members\":[{\"id\":\"8\",\"user\":{\"id\":\"8\",\"username\":\"eight\"}}]"),
                member(g, 9, "nine", null, ""));
        assertThat(get("/v1/discord/guilds/" + g + "/voicestates")).hasSize(1);

        feed.push(guild(g, "renamed", ",\"roles\":[{\"id\":\"62\",\"name\":\"new\",\"permissions\":\"0\"}],"
                + "\"channels\":[{\"id\":\"72\",\"type\":2,\"name\":\"v2\"}],\"voiceStates\":[{\"userID\":\"9\",\"channelID\":\"72\"}],"
                + "\"members\":[{\"id\":\"8\",\"nickname\":\"E\",\"user\":{\"id\":\"8\",\"username\":\"eight\"}}]"));
        assertThat(ids(get("/v1/discord/guilds/" + g + "/roles"), "id")).containsExactly("62");
        assertThat(ids(get("/v1/discord/guilds/" + g + "/channels"), "id")).containsExactly("72");
        assertThat(ids(get("/v1/discord/guilds/" + g + "/voicestates"), "userID")).containsExactly("9");
        assertThat(status("/v1/discord/guilds/" + g + "/channels/70")).isEqualTo(404);
        assertThat(get("/v1/discord/guilds/" + g + "/members/8").get("nickname").asText()).isEqualTo("E");
        assertThat(status("/v1/discord/guilds/" + g + "/members/9")).as("members are upserted, not replaced").isEqualTo(200);
        JsonNode info = get("/v1/discord/guilds/" + g);
        assertThat(info.get("name").asText()).isEqualTo("renamed");
        assertThat(info.get("cachedMemberCount").intValue()).isEqualTo(2);

        feed.push(guild(g, "bare", ""));
        assertThat(get("/v1/discord/guilds/" + g).get("channelCount").intValue()).as("absent arrays keep the sets").isEqualTo(1);
    }

    @Test
    void deletingAGuildCascadesAndKeepsUsersSharedWithAnotherGuild() {
        long g1 = 1003;
        long g2 = 1004;
        long shared = 11;
        long only = 12;
        feed.push(guild(g1, ""), guild(g2, ""), channel(g1, 80, 2, ""), role(g1, 81, "r", 0),
                member(g1, shared, "shared", null, "\"81\""), member(g1, only, "only", null, ""),
                member(g2, shared, "shared", "in-g2", ""), voiceState(g1, only, 80L));
        assertThat(get("/v1/discord/guilds/" + g1 + "/channels/80/members")).hasSize(1);

        feed.push(member(g2, shared, "shared_renamed", "in-g2", ""));
        assertThat(get("/v1/discord/guilds/" + g1 + "/members/" + shared).at("/user/username").asText())
                .as("one user record shared by both memberships").isEqualTo("shared_renamed");

        long usersBefore = get("/v1/discord/users").get("users").longValue();
        feed.push(deleteGuild(g1));
        for (String path : new String[] {"", "/channels", "/roles", "/voicestates", "/channels/80", "/roles/81",
                "/members/" + shared, "/members/" + only, "/voicestates/" + only}) {
            assertThat(status("/v1/discord/guilds/" + g1 + path)).as(path).isEqualTo(404);
        }
        assertThat(status("/v1/discord/users/" + only)).as("its only membership is gone").isEqualTo(404);
        assertThat(get("/v1/discord/users/" + shared).get("username").asText()).isEqualTo("shared_renamed");
        assertThat(get("/v1/discord/guilds/" + g2 + "/members/" + shared).get("nickname").asText()).isEqualTo("in-g2");
        assertThat(get("/v1/discord/users").get("users").longValue()).isEqualTo(usersBefore - 1);

        feed.push(delete("member", g2, shared));
        assertThat(status("/v1/discord/users/" + shared)).as("removed with its last membership").isEqualTo(404);
    }

    @Test
    void voiceStateWithNullChannelIsRemoved() {
        long g = 1005;
        feed.push(guild(g, ""), channel(g, 90, 2, ""), channel(g, 91, 13, ""), voiceState(g, 20, 90L), voiceState(g, 21, 90L));
        assertThat(ids(get("/v1/discord/guilds/" + g + "/channels/90/members"), "userID")).containsExactlyInAnyOrder("20", "21");

        feed.push(voiceState(g, 20, 91L));
        assertThat(ids(get("/v1/discord/guilds/" + g + "/channels/90/members"), "userID")).containsExactly("21");
        assertThat(ids(get("/v1/discord/guilds/" + g + "/channels/91/members"), "userID")).as("stage channel").containsExactly("20");

        feed.push(voiceState(g, 21, null), delete("voiceState", g, 20));
        assertThat(get("/v1/discord/guilds/" + g + "/voicestates")).isEmpty();
        assertThat(status("/v1/discord/guilds/" + g + "/voicestates/21")).isEqualTo(404);
    }

    @Test
    void repeatedAndOutOfOrderPayloadsAreHarmless() {
        long g = 1006;
        // Members and a role before their guild, deletes of things never cached.
        feed.push(member(g, 30, "early", null, ""), role(g, 31, "early-role", 0),
                delete("channel", g, 99), delete("member", g, 98), delete("role", 5555, 1), deleteGuild(5556));
        assertThat(get("/v1/discord/guilds/" + g + "/members/30").at("/user/username").asText()).isEqualTo("early");
        long users = get("/v1/discord/users").get("users").longValue();

        String m = member(g, 30, "early", "N", "\"31\"");
        feed.push(guild(g, ",\"memberCount\":1"), m, m, m, guild(g, ",\"memberCount\":1"));
        JsonNode info = get("/v1/discord/guilds/" + g);
        assertThat(info.get("cachedMemberCount").intValue()).isEqualTo(1);
        assertThat(info.get("roleCount").intValue()).as("the role that came first is kept").isEqualTo(1);
        assertThat(get("/v1/discord/users").get("users").longValue()).isEqualTo(users);
        assertThat(get("/v1/discord/guilds/" + g + "/members/30").get("nickname").asText()).isEqualTo("N");

        feed.push(delete("member", g, 30), delete("member", g, 30), member(g, 30, "back", null, ""));
        assertThat(get("/v1/discord/guilds/" + g + "/members/30").at("/user/username").asText()).isEqualTo("back");
        assertThat(feed.client().isClosed()).isFalse();
    }

    @Test
    void invalidPayloadCloses4005AndTheHubKeepsServing() {
        long g = 1007;
        feed.push(guild(g, ""), member(g, 40, "kept", null, ""));
        String[] bad = {
            "{\"type\":\"member\",\"id\":\"41\",\"guildID\":\"not-a-snowflake\"}",
            "{\"type\":\"emoji\",\"id\":\"1\"}",
            "{\"type\":\"member\",\"guildID\":\"" + g + "\"}",
            "{\"type\":\"channel\",\"id\":\"1\",\"guildID\":\"" + g + "\",\"overwrites\":[{\"id\":\"2\",\"type\":\"x\"}]}",
            "[1,2]",
            "\"member\"",
        };
        for (String d : bad) {
            try (RawClient sharder = RawClient.identified(hub, "sharder")) {
                sharder.send(5, null, d);
                RawClient.Close close = sharder.expectClose(4005);
                assertThat(close.reason()).as(d).startsWith("CACHE:");
            }
        }
        try (RawClient sharder = RawClient.identified(hub, "sharder")) {
            sharder.send(5, null, "{\"type\":\"member\",\"id\":\"40\",\"guildID\":\"" + g + "\",\"roles\":[\"x\"]}");
            assertThat(sharder.expectClose(4005).reason()).contains("roles");
        }
        assertThat(get("/v1/discord/guilds/" + g + "/members/40").at("/user/username").asText())
                .as("a refused payload changes nothing").isEqualTo("kept");
        feed.push(member(g, 42, "after", null, ""));
        assertThat(status("/v1/discord/guilds/" + g + "/members/42")).as("other sharders are unaffected").isEqualTo(200);
    }

    @Test
    void cacheSizesAreOnMetrics() {
        feed.push(guild(1008, ""), member(1008, 50, "m", null, ""));
        String metrics = rest.send("GET", "/metrics", null).body();
        assertThat(metrics).contains("hubcord_cache_size{entity=\"member\"}")
                .contains("hubcord_cache_size{entity=\"guild\"}")
                .contains("hubcord_cache_evictions_total{entity=\"member\"}");
        assertThat(metrics).containsPattern("hubcord_cache_size\\{entity=\"guild\"} [1-9]");
    }
}
