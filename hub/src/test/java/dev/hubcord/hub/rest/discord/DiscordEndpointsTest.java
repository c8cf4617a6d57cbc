package dev.hubcord.hub.rest.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.RestClient.Answer;
import dev.hubcord.hub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every {@code /v1/discord} path over real HTTP, fed through a real sharder connection: answers and errors. */
class DiscordEndpointsTest {

    static final long G = 254768930223161344L;
    static final long OWNER = 155112606661607425L;
    static final long MOD = 110;
    static final long TEXT = 120;
    static final long VOICE = 121;
    static final long ALICE = 479455578708639755L;
    static final long BOB = 132;

    private static TestHub hub;
    private static CacheFeed feed;
    private static RestClient rest;

    static String guild(long id) {
        return """
                {"type":"guild","id":"%1$d","name":"Oxyl","icon":"abc","ownerID":"%2$d","region":"europe","memberCount":40,
                 "roles":[{"id":"%1$d","name":"@everyone","color":0,"position":0,"permissions":"1024"},
                          {"id":"%3$d","name":"mod","color":255,"position":2,"permissions":"8192","hoist":true}],
                 "channels":[{"id":"%4$d","type":0,"position":1,"name":"general","nsfw":false,
                              "overwrites":[{"id":"%3$d","type":"role","allow":"2048","deny":"0"}]},
                             {"id":"%5$d","type":2,"position":2,"name":"Voice","userLimit":5,"parentID":"122"}],
                 "members":[{"id":"%6$d","nickname":"Al","roles":["%3$d"],"joinedAt":"2022-10-13T14:35:40.794000+00:00",
                             "user":{"id":"%6$d","username":"alice","discriminator":"0","globalName":"Alice","avatar":null,"bot":false}},
                            {"id":"%7$d","roles":[],"user":{"id":"%7$d","username":"bob","discriminator":"1234","bot":true}}],
                 "voiceStates":[{"channelID":"%5$d","userID":"%6$d","deaf":false,"mute":true,"selfDeaf":true,"sessionID":"abc"}]}
                """.formatted(id, OWNER, MOD, TEXT, VOICE, ALICE, BOB);
    }

    @BeforeAll
    static void start() {
        hub = TestHub.start();
        rest = new RestClient(hub);
        feed = new CacheFeed(hub);
        feed.push(guild(G));
    }

    @AfterAll
    static void stop() {
        feed.close();
        hub.close();
    }

    private static JsonNode ok(String path) {
        Answer a = rest.get(path);
        assertThat(a.status()).as("GET %s: %s", path, a.body()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        return a.json();
    }

    private static void error(Answer a, int status, String code) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.errorCode()).isEqualTo(code);
        assertThat(a.json().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void guildWithCounts() {
        JsonNode g = ok("/v1/discord/guilds/" + G);
        assertThat(g.get("id").asText()).isEqualTo(Long.toString(G));
        assertThat(g.get("name").asText()).isEqualTo("Oxyl");
        assertThat(g.get("ownerID").asText()).isEqualTo(Long.toString(OWNER));
        assertThat(g.get("region").asText()).isEqualTo("europe");
        assertThat(g.get("memberCount").intValue()).isEqualTo(40);
        assertThat(g.get("cachedMemberCount").intValue()).isEqualTo(2);
        assertThat(g.get("channelCount").intValue()).isEqualTo(2);
        assertThat(g.get("roleCount").intValue()).isEqualTo(2);
        assertThat(g.get("voiceStateCount").intValue()).isEqualTo(1);
    }

    @Test
    void channelsAndVoiceChannelMembers() {
        JsonNode channels = ok("/v1/discord/guilds/" + G + "/channels");
        assertThat(channels).hasSize(2);
        assertThat(channels.get(0).get("id").asText()).isEqualTo("120");
        assertThat(channels.get(0).get("type").intValue()).isZero();
        assertThat(channels.get(0).at("/overwrites/0/allow").asText()).isEqualTo("2048");
        JsonNode voice = ok("/v1/discord/guilds/" + G + "/channels/" + VOICE);
        assertThat(voice.get("type").intValue()).isEqualTo(2);
        assertThat(voice.get("userLimit").intValue()).isEqualTo(5);
        assertThat(voice.get("parentID").asText()).isEqualTo("122");
        assertThat(voice.get("guildID").asText()).isEqualTo(Long.toString(G));

        JsonNode inVoice = ok("/v1/discord/guilds/" + G + "/channels/" + VOICE + "/members");
        assertThat(inVoice).hasSize(1);
        assertThat(inVoice.get(0).get("userID").asText()).isEqualTo(Long.toString(ALICE));
        assertThat(inVoice.get(0).get("mute").booleanValue()).isTrue();
        assertThat(ok("/v1/discord/guilds/" + G + "/channels/" + TEXT + "/members")).isEmpty();
        error(rest.get("/v1/discord/guilds/" + G + "/channels/999/members"), 404, "NOT_FOUND");
    }

    @Test
    void rolesAndVoiceStates() {
        JsonNode roles = ok("/v1/discord/guilds/" + G + "/roles");
        assertThat(roles).hasSize(2);
        assertThat(roles.get(0).get("name").asText()).isEqualTo("@everyone");
        JsonNode mod = ok("/v1/discord/guilds/" + G + "/roles/" + MOD);
        assertThat(mod.get("permissions").asText()).isEqualTo("8192");
        assertThat(mod.get("hoist").booleanValue()).isTrue();
        assertThat(mod.get("color").intValue()).isEqualTo(255);

        JsonNode states = ok("/v1/discord/guilds/" + G + "/voicestates");
        assertThat(states).hasSize(1);
        JsonNode alice = ok("/v1/discord/guilds/" + G + "/voicestates/" + ALICE);
        assertThat(alice.get("channelID").asText()).isEqualTo(Long.toString(VOICE));
        assertThat(alice.get("selfDeaf").booleanValue()).isTrue();
        assertThat(alice.get("sessionID").asText()).isEqualTo("abc");
        error(rest.get("/v1/discord/guilds/" + G + "/voicestates/" + BOB), 404, "NOT_FOUND");
    }

    @Test
    void memberWithItsUserAndUsers() {
        JsonNode alice = ok("/v1/discord/guilds/" + G + "/members/" + ALICE);
        assertThat(alice.get("id").asText()).isEqualTo(Long.toString(ALICE));
        assertThat(alice.get("nickname").asText()).isEqualTo("Al");
        assertThat(alice.get("roles").get(0).asText()).isEqualTo("110");
        assertThat(alice.get("joinedAt").asText()).isEqualTo("2022-10-13T14:35:40.794000+00:00");
        assertThat(alice.at("/user/username").asText()).isEqualTo("alice");
        assertThat(alice.at("/user/globalName").asText()).isEqualTo("Alice");

        JsonNode bob = ok("/v1/discord/users/" + BOB);
        assertThat(bob.get("username").asText()).isEqualTo("bob");
        assertThat(bob.get("discriminator").asText()).isEqualTo("1234");
        assertThat(bob.get("bot").booleanValue()).isTrue();
        assertThat(ok("/v1/discord/users").get("users").longValue()).isGreaterThanOrEqualTo(2);
        // VIEW_CHANNEL (@everyone) | MANAGE_MESSAGES (mod) | SEND_MESSAGES (the channel's mod overwrite): docs/rest-api.md
        assertThat(ok("/v1/discord/guilds/" + G + "/members/" + ALICE + "/permissions?channel=" + TEXT)
                .get("permissions").asText()).isEqualTo("11264");
        error(rest.get("/v1/discord/users/1"), 404, "NOT_FOUND");
    }

    @Test
    void deletesAnswer204WithoutBodyThenTheEntityIsGone() {
        long g = 777;
        feed.push(guild(g));
        String base = "/v1/discord/guilds/" + g;
        for (String path : new String[] {base + "/channels/" + TEXT, base + "/roles/" + MOD,
                base + "/voicestates/" + ALICE, base + "/members/" + BOB}) {
            Answer deleted = rest.delete(path);
            assertThat(deleted.status()).as(path).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            error(rest.get(path), 404, "NOT_FOUND");
            error(rest.delete(path), 404, "NOT_FOUND");
        }
        assertThat(ok(base + "/members/" + ALICE).get("roles")).as("deleting a role strips it from members").isEmpty();
        assertThat(ok(base).get("cachedMemberCount").intValue()).isEqualTo(1);

        assertThat(rest.delete(base).status()).isEqualTo(204);
        for (String path : new String[] {base, base + "/channels", base + "/roles", base + "/voicestates",
                base + "/members/" + ALICE, base + "/channels/" + VOICE}) {
            error(rest.get(path), 404, "NOT_FOUND");
        }
        error(rest.delete(base), 404, "NOT_FOUND");
        assertThat(ok("/v1/discord/guilds/" + G + "/members/" + ALICE).at("/user/username").asText())
                .as("the other guild is untouched").isEqualTo("alice");
    }

    @Test
    void withoutTheSecret401() {
        error(rest.send("GET", "/v1/discord/guilds/" + G, null), 401, "UNAUTHORIZED");
        error(rest.send("GET", "/v1/discord/users", "wrong"), 401, "UNAUTHORIZED");
        error(rest.send("DELETE", "/v1/discord/guilds/" + G, null), 401, "UNAUTHORIZED");
        assertThat(rest.get("/v1/discord/guilds/" + G).status()).as("nothing was deleted").isEqualTo(200);
    }

    @Test
    void malformedIds400() {
        String[] paths = {
            "/v1/discord/guilds/abc",
            "/v1/discord/guilds/-1/channels",
            "/v1/discord/guilds/18446744073709551616",
            "/v1/discord/guilds/" + G + "/channels/12x",
            "/v1/discord/guilds/" + G + "/members/1.5",
            "/v1/discord/guilds/" + G + "/members/" + "9".repeat(200) + "/permissions",
            "/v1/discord/guilds/" + G + "/roles/%20",
            "/v1/discord/guilds/" + G + "/voicestates/x",
            "/v1/discord/users/bob",
            "/v1/discord/guilds/" + G + "/members/" + ALICE + "/permissions?channel=general",
        };
        for (String path : paths) {
            error(rest.get(path), 400, "BAD_REQUEST");
        }
        assertThat(rest.get("/v1/discord/guilds/abc").json().at("/error/message").asText()).contains("abc");
        // The largest unsigned 64-bit value is a well-formed ID: not cached, so 404 rather than 400.
        error(rest.get("/v1/discord/guilds/18446744073709551615"), 404, "NOT_FOUND");
        error(rest.get("/v1/discord/guilds/0/members/00000000000000000001"), 404, "NOT_FOUND");
    }

    @Test
    void unknownPathsAndEntities404() {
        String[] paths = {
            "/v1/discord",
            "/v1/discord/guilds",
            "/v1/discord/nothing",
            "/v1/discord/guilds/" + G + "/emojis",
            "/v1/discord/guilds/" + G + "/channels/" + TEXT + "/messages",
            "/v1/discord/guilds/" + G + "/members/" + ALICE + "/roles",
            "/v1/discord/guilds/" + G + "/members/" + ALICE + "/permissions/extra",
            "/v1/discord/users/" + ALICE + "/guilds",
            "/v1/discord/guilds/1",
            "/v1/discord/guilds/1/channels",
            "/v1/discord/guilds/1/roles",
            "/v1/discord/guilds/1/voicestates",
            "/v1/discord/guilds/1/members?query=a",
            "/v1/discord/guilds/" + G + "/channels/9",
            "/v1/discord/guilds/" + G + "/roles/9",
            "/v1/discord/guilds/" + G + "/members/9",
        };
        for (String path : paths) {
            error(rest.get(path), 404, "NOT_FOUND");
        }
        assertThat(rest.get("/v1/discord/guilds/1/members/2").json().at("/error/message").asText()).contains("guild 1");
        assertThat(rest.get("/v1/discord/guilds/" + G + "/members/9").json().at("/error/message").asText())
                .contains("member 9");
    }

    @Test
    void wrongMethod405() {
        String[][] cases = {
            {"POST", "/v1/discord/guilds/" + G},
            {"PUT", "/v1/discord/guilds/" + G + "/members/" + ALICE},
            {"DELETE", "/v1/discord/guilds/" + G + "/channels"},
            {"DELETE", "/v1/discord/guilds/" + G + "/roles"},
            {"DELETE", "/v1/discord/guilds/" + G + "/voicestates"},
            {"DELETE", "/v1/discord/guilds/" + G + "/members"},
            {"DELETE", "/v1/discord/guilds/" + G + "/channels/" + VOICE + "/members"},
            {"DELETE", "/v1/discord/guilds/" + G + "/members/" + ALICE + "/permissions"},
            {"DELETE", "/v1/discord/users"},
            {"DELETE", "/v1/discord/users/" + BOB},
            {"PATCH", "/v1/discord/guilds/abc"},
        };
        for (String[] c : cases) {
            error(rest.send(c[0], c[1], TestHub.SECRET), 405, "METHOD_NOT_ALLOWED");
        }
        assertThat(ok("/v1/discord/guilds/" + G + "/members/" + ALICE).get("id").asText())
                .as("a refused DELETE removes nothing").isEqualTo(Long.toString(ALICE));
        assertThat(ok("/v1/discord/users/" + BOB).get("id").asText()).isEqualTo(Long.toString(BOB));
    }
}
