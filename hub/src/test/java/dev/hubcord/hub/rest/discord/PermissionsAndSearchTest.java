package dev.hubcord.hub.rest.discord;

import static dev.hubcord.hub.rest.discord.CacheFeed.channel;
import static dev.hubcord.hub.rest.discord.CacheFeed.member;
import static dev.hubcord.hub.rest.discord.CacheFeed.overwrite;
import static dev.hubcord.hub.rest.discord.CacheFeed.role;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code .../members/{user}/permissions} against a table worked out by hand from Discord's algorithm,
 * and {@code .../members?query=&limit=}.
 */
class PermissionsAndSearchTest {

    static final long G = 5000;
    static final long OWNER = 1;

    // Permission bits (Discord's values).
    static final long KICK = 2;
    static final long ADMINISTRATOR = 8;
    static final long VIEW = 1024;
    static final long SEND = 2048;
    static final long MANAGE_MESSAGES = 8192;
    static final long EMBED = 16384;
    static final long ATTACH = 32768;
    static final long HISTORY = 65536;
    static final long MENTION_EVERYONE = 131072;
    static final long CONNECT = 1L << 20;
    static final long SPEAK = 1L << 21;
    static final long ALL = 9007199254740991L; // 2^53 - 1: every defined bit, as Discord reports for admins

    // Roles: @everyone has the guild's ID.
    static final long MOD = 2001;
    static final long ADMIN = 2002;
    static final long MUTED = 2003;

    // Members.
    static final long ADMIN_USER = 11;
    static final long PLAIN = 12;
    static final long MODERATOR = 13;
    static final long MUTED_USER = 14;
    static final long SPECIAL = 15;
    static final long TIMED_OUT = 16;
    static final long TIMEOUT_OVER = 17;

    // Channels.
    static final long TEXT = 3001;
    static final long SECRET = 3002;
    static final long VOICE = 3003;
    static final long NO_SEND = 3004;

    private static TestHub hub;
    private static CacheFeed feed;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
        rest = new RestClient(hub);
        feed = new CacheFeed(hub);
        feed.push("{\"type\":\"guild\",\"id\":\"" + G + "\",\"name\":\"perms\",\"ownerID\":\"" + OWNER + "\"}",
                role(G, G, "@everyone", VIEW | SEND | HISTORY | CONNECT),
                role(G, MOD, "mod", MANAGE_MESSAGES | KICK | EMBED),
                role(G, ADMIN, "admin", ADMINISTRATOR),
                role(G, MUTED, "muted", 0),
                channel(G, TEXT, 0, String.join(",",
                        overwrite(G, "role", 0, SEND),
                        overwrite(MOD, "role", SEND | ATTACH, 0),
                        overwrite(MUTED, "role", 0, VIEW),
                        overwrite(SPECIAL, "member", SEND | MENTION_EVERYONE, 0))),
                channel(G, SECRET, 0, overwrite(G, "role", 0, VIEW)),
                channel(G, VOICE, 2, String.join(",",
                        overwrite(G, "role", 0, CONNECT),
                        overwrite(MOD, "role", CONNECT | SPEAK, 0))),
                channel(G, NO_SEND, 0, overwrite(G, "role", 0, SEND)),
                member(G, OWNER, "owner", null, ""),
                member(G, ADMIN_USER, "admin", null, "\"" + ADMIN + "\""),
                member(G, PLAIN, "plain", null, ""),
                member(G, MODERATOR, "moderator", null, "\"" + MOD + "\""),
                member(G, MUTED_USER, "muted", null, "\"" + MUTED + "\""),
                member(G, SPECIAL, "special", null, ""),
                member(G, TIMED_OUT, "timed", "0", null, "\"" + MOD + "\"", "2999-01-01T00:00:00.000000+00:00"),
                member(G, TIMEOUT_OVER, "timeout_over", "0", null, "\"" + MOD + "\"", "2001-01-01T00:00:00.000000+00:00"));
    }

    @AfterAll
    static void stop() {
        feed.close();
        hub.close();
    }

    private static String permissions(long user, Long channel) {
        String path = "/v1/discord/guilds/" + G + "/members/" + user + "/permissions" + (channel == null ? "" : "?channel=" + channel);
        RestClient.Answer a = rest.get(path);
        assertThat(a.status()).as("%s: %s", path, a.body()).isEqualTo(200);
        JsonNode p = a.json();
        assertThat(p.get("permissions").isTextual()).as("a decimal string").isTrue();
        return p.get("permissions").asText();
    }

    @Test
    void permissionTable() {
        long everyone = VIEW | SEND | HISTORY | CONNECT;          // 1117184
        long moderator = everyone | MANAGE_MESSAGES | KICK | EMBED; // 1141762
        Object[][] table = {
            // user, channel (null: guild-wide), expected, why
            {OWNER, null, ALL, "owner"},
            {OWNER, SECRET, ALL, "owner ignores overwrites"},
            {ADMIN_USER, null, ALL, "administrator"},
            {ADMIN_USER, SECRET, ALL, "administrator overrides a channel's @everyone deny"},
            {PLAIN, null, 1117184L, "@everyone"},
            {MODERATOR, null, 1141762L, "@everyone | mod"},
            {PLAIN, TEXT, 1115136L, "@everyone overwrite denies SEND"},
            {MODERATOR, TEXT, 1174530L, "mod overwrite allows SEND and ATTACH back"},
            {MUTED_USER, TEXT, 0L, "muted role overwrite denies VIEW: nothing"},
            {SPECIAL, TEXT, 1248256L, "member overwrite allows SEND and MENTION_EVERYONE"},
            {PLAIN, SECRET, 0L, "no VIEW_CHANNEL: nothing"},
            {MODERATOR, NO_SEND, 1123330L, "text without SEND loses EMBED_LINKS"},
            {PLAIN, VOICE, 68608L, "@everyone overwrite denies CONNECT"},
            {MODERATOR, VOICE, 3238914L, "mod overwrite allows CONNECT and SPEAK; voice keeps EMBED_LINKS"},
            {TIMED_OUT, null, 66560L, "timeout keeps VIEW and READ_MESSAGE_HISTORY"},
            {TIMED_OUT, TEXT, 66560L, "timeout in a channel"},
            {TIMEOUT_OVER, TEXT, 1174530L, "a timeout in the past does not apply"},
        };
        assertThat(everyone).isEqualTo(1117184L);
        assertThat(moderator).isEqualTo(1141762L);
        SoftAssertions soft = new SoftAssertions();
        for (Object[] row : table) {
            soft.assertThat(permissions((Long) row[0], (Long) row[1]))
                    .as("user %s channel %s: %s", row[0], row[1], row[3])
                    .isEqualTo(Long.toString((Long) row[2]));
        }
        soft.assertAll();
    }

    @Test
    void permissionErrors() {
        String base = "/v1/discord/guilds/" + G + "/members/";
        assertThat(rest.get(base + PLAIN + "/permissions?channel=9").status()).isEqualTo(404);
        assertThat(rest.get(base + PLAIN + "/permissions?channel=9").json().at("/error/message").asText()).contains("channel 9");
        assertThat(rest.get(base + "99/permissions?channel=" + TEXT).json().at("/error/message").asText()).contains("member 99");
        assertThat(rest.get(base + "99/permissions").status()).isEqualTo(404);
        assertThat(rest.get("/v1/discord/guilds/1/members/" + PLAIN + "/permissions").status()).isEqualTo(404);
        assertThat(rest.get(base + PLAIN + "/permissions?channel=").status()).isEqualTo(400);
        assertThat(rest.get(base + PLAIN + "/permissions?channel=-3").errorCode()).isEqualTo("BAD_REQUEST");
    }

    private static List<String> search(String query) {
        RestClient.Answer a = rest.get("/v1/discord/guilds/" + G + "/members?" + query);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        a.json().forEach(m -> names.add(m.at("/user/username").asText()));
        return names;
    }

    @Test
    void memberSearchByPrefixAndTag() {
        feed.push(member(G, 100, "minemidnight", "0001", "Mine", "", null),
                member(G, 101, "minecraft_fan", "0", "Crafty", "", null),
                member(G, 102, "bob", "0", "MINER", "", null));
        assertThat(search("query=MiNe")).containsExactlyInAnyOrder("minemidnight", "minecraft_fan", "bob");
        assertThat(search("query=craf")).as("nickname").containsExactly("minecraft_fan");
        assertThat(search("query=ine")).as("a prefix, not a substring").isEmpty();
        assertThat(search("query=minemidnight%230001")).containsExactly("minemidnight");
        assertThat(search("query=minemidnight%230002")).isEmpty();
        assertThat(search("query=mine&limit=2")).hasSize(2);
        assertThat(search("query=")).as("an empty query matches every member").hasSize(11);
        assertThat(search("limit=1000")).hasSize(11);
        assertThat(rest.get("/v1/discord/guilds/" + G + "/members?query=m").json().get(0).get("guildID").asText())
                .isEqualTo(Long.toString(G));
    }

    @Test
    void memberSearchLimitIsChecked() {
        for (String limit : new String[] {"0", "1001", "abc", "-1", "", "99999"}) {
            RestClient.Answer a = rest.get("/v1/discord/guilds/" + G + "/members?query=m&limit=" + limit);
            assertThat(a.status()).as("limit=" + limit).isEqualTo(400);
            assertThat(a.errorCode()).isEqualTo("BAD_REQUEST");
        }
        assertThat(rest.get("/v1/discord/guilds/42/members?query=m").status()).isEqualTo(404);

        long big = 5001;
        String[] many = new String[31];
        many[0] = "{\"type\":\"guild\",\"id\":\"" + big + "\",\"name\":\"big\",\"ownerID\":\"1\"}";
        for (int i = 1; i <= 30; i++) {
            many[i] = member(big, 1000 + i, "user" + i, null, "");
        }
        feed.push(many);
        String path = "/v1/discord/guilds/" + big + "/members";
        assertThat(rest.get(path).json()).as("default limit").hasSize(25);
        assertThat(rest.get(path + "?query=user&limit=30").json()).hasSize(30);
        assertThat(rest.get(path + "?query=user1").json()).as("user1, user10..user19").hasSize(11);
    }
}
