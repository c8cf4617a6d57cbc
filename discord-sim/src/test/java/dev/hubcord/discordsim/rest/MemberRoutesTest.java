package dev.hubcord.discordsim.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import dev.hubcord.discordsim.support.Sims;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read routes a bot's cache falls back on: get member, get user, member search. */
class MemberRoutesTest {

    private DiscordSim sim;
    private RestClient rest;
    private SimGuild guild;

    @BeforeEach
    void start() {
        sim = Sims.start();
        rest = new RestClient(sim.apiBaseUrl(), sim.token());
        guild = sim.population().guilds().getFirst();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static String id(long v) {
        return Long.toUnsignedString(v);
    }

    @Test
    void getMemberAnswersTheMemberWithItsUserOrUnknownMember() {
        SimMember member = guild.members().get(4);
        RestClient.Result r = rest.call("GET", "/guilds/" + id(guild.id()) + "/members/" + id(member.userId()), null);
        assertEquals(200, r.status());
        assertEquals(id(member.userId()), r.json().path("user").path("id").asText());
        assertTrue(r.json().has("roles") && r.json().has("joined_at"));
        assertNotNull(r.header("X-RateLimit-Bucket"), "bucket headers like every limited route");

        RestClient.Result unknown = rest.call("GET", "/guilds/" + id(guild.id()) + "/members/42424242424242424", null);
        assertEquals(404, unknown.status());
        assertEquals(10007, unknown.json().path("code").asInt());
        assertEquals(10004, rest.call("GET", "/guilds/1/members/" + id(member.userId()), null).json()
                .path("code").asInt());
        assertEquals(401, new RestClient(sim.apiBaseUrl(), "wrong").call("GET", "/guilds/" + id(guild.id())
                + "/members/" + id(member.userId()), null).status());
        assertTrue(sim.control().restRequests().stream().anyMatch(q -> q.method().equals("GET")
                && q.path().endsWith("/members/" + id(member.userId())) && q.status() == 200), "recorded");
    }

    @Test
    void aGuildWithoutTheBotIsMissingAccess() {
        guild.removeMember(sim.population().bot().id());
        RestClient.Result r = rest.call("GET", "/guilds/" + id(guild.id()) + "/members/"
                + id(guild.members().getFirst().userId()), null);
        assertEquals(403, r.status());
        assertEquals(50001, r.json().path("code").asInt());
    }

    @Test
    void getUserAnswersAnyKnownUserOrUnknownUser() {
        SimUser user = sim.population().requireUser(guild.members().get(2).userId());
        RestClient.Result r = rest.call("GET", "/users/" + id(user.id()), null);
        assertEquals(200, r.status());
        assertEquals(user.username(), r.json().path("username").asText());
        RestClient.Result unknown = rest.call("GET", "/users/42424242424242424", null);
        assertEquals(404, unknown.status());
        assertEquals(10013, unknown.json().path("code").asInt());
    }

    @Test
    void searchMatchesUsernamePrefixesUpToTheLimit() {
        SimUser user = sim.population().requireUser(guild.members().get(3).userId());
        String prefix = user.username().substring(0, Math.min(3, user.username().length())).toUpperCase();
        String base = "/guilds/" + id(guild.id()) + "/members/search?query="
                + URLEncoder.encode(prefix, StandardCharsets.UTF_8);
        RestClient.Result r = rest.call("GET", base + "&limit=1000", null);
        assertEquals(200, r.status());
        assertTrue(r.json().isArray());
        boolean found = false;
        for (JsonNode m : r.json()) {
            assertTrue(m.path("user").path("username").asText().toLowerCase().startsWith(prefix.toLowerCase())
                    || m.path("nick").asText("").toLowerCase().startsWith(prefix.toLowerCase()));
            found |= m.path("user").path("id").asText().equals(id(user.id()));
        }
        assertTrue(found, "the member whose name was searched is in the answer");
        assertEquals(1, rest.call("GET", base, null).json().size(), "limit defaults to 1");
        assertEquals(400, rest.call("GET", "/guilds/" + id(guild.id()) + "/members/search", null).status());
        assertEquals(400, rest.call("GET", base + "&limit=1001", null).status());
    }
}
