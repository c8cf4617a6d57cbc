package dev.hubcord.cache;

import static dev.hubcord.cache.Payloads.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.cache.model.Member;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberSearchTest {

    static final long G = 5;
    private DiscordCache cache;

    @BeforeEach
    void load() {
        cache = new DiscordCache(CacheConfig.defaults());
        add(1, "minemidnight", "0001", "Mine", null);
        add(2, "minecraft_fan", "0", null, "Crafty");
        add(3, "bob", "0", "Bobby Tables", "MINER");
        add(4, "carol", "0", "Carol", null);
        add(5, "zoë", "0", "Zoë", "ñandú");
    }

    private void add(long id, String username, String disc, String global, String nick) {
        cache.apply(json("""
                {"type":"member","id":"%d","guildID":"%d","nickname":%s,"roles":[],
                 "user":{"id":"%d","username":"%s","discriminator":"%s","globalName":%s}}
                """.formatted(id, G, quote(nick), id, username, disc, quote(global))));
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private List<Long> search(String query, int limit) {
        return cache.searchMembers(G, query, limit).orElseThrow().stream().map(Member::userId).sorted().toList();
    }

    @Test
    void prefixOfUsernameGlobalNameOrNicknameIgnoringCase() {
        assertEquals(List.of(1L, 2L, 3L), search("MiNe", 0));
        assertEquals(List.of(3L), search("bobby", 0), "global name");
        assertEquals(List.of(2L), search("craf", 0), "nickname");
        assertEquals(List.of(5L), search("ÑAN", 0), "non-ASCII nickname");
        assertEquals(List.of(), search("ine", 0), "prefix, not substring");
    }

    @Test
    void exactNameAndDiscriminator() {
        assertEquals(List.of(1L), search("minemidnight#0001", 0));
        assertEquals(List.of(4L), search("carol#0", 0));
        assertEquals(List.of(), search("minemidnight#0002", 0));
        assertEquals(List.of(), search("carol#00", 0));
    }

    @Test
    void limitDefaultsTo25AndCapsAt1000() {
        for (long id = 100; id < 1300; id++) {
            add(id, "user" + id, "0", null, null);
        }
        assertEquals(DiscordCache.DEFAULT_SEARCH_LIMIT, search("user", 0).size());
        assertEquals(3, search("user", 3).size());
        assertEquals(DiscordCache.MAX_SEARCH_LIMIT, search("user", 5000).size());
        assertEquals(1205, search("", 5000).size() + 205, "empty query lists everyone, capped");
    }

    @Test
    void returnsMembersWithTheirUsersAndNothingForAnUnknownGuild() {
        Member m = cache.searchMembers(G, "carol#0", 10).orElseThrow().getFirst();
        assertEquals("Carol", m.user().globalName());
        assertTrue(cache.searchMembers(404, "a", 10).isEmpty());
    }
}
