package dev.hubcord.cache;

import static dev.hubcord.cache.Payloads.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.cache.model.Member;
import dev.hubcord.cache.model.SearchOutcome;
import dev.hubcord.cache.model.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
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
        return inOrder(query, limit).stream().sorted().toList();
    }

    private List<Long> inOrder(String query, int limit) {
        return cache.searchMembers(G, query, limit).orElseThrow().stream().map(Member::userId).toList();
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

    @Test
    void nonAsciiNamesIgnoreCase() {
        add(6, "émile", "0", "Émile Zola", null);
        add(7, "Émilie", "0", null, null);
        add(8, "emil", "0", null, "ÉMIR");
        assertEquals(List.of(6L, 7L, 8L), search("ÉMI", 0), "username, username, nickname");
        assertEquals(List.of(6L), search("émile z", 0), "global name");
        assertEquals(List.of(8L), search("EMI", 0), "an accent is not a case");
        assertEquals(List.of(5L), search("ZOË", 0));
    }

    @Test
    void eachNameIsTestedOnItsOwn() {
        assertEquals(List.of(3L), search("BOB", 0), "username, though the nickname does not match");
        assertEquals(List.of(3L), search("miner", 0), "nickname only");
        assertEquals(List.of(), search("bobby tables and more", 0));
    }

    @Test
    void exactTagsWithDiscriminatorsAndHashes() {
        add(9, "dup#name", "0042", null, null);
        assertEquals(List.of(9L), search("dup#name#0042", 0), "the last '#' separates the discriminator");
        assertEquals(List.of(9L), search("dup#n", 0), "a prefix may contain '#'");
        assertEquals(List.of(), search("dup#name#42", 0));
        assertEquals(List.of(), search("DUP#NAME#0042", 0), "the tag is exact, as before");
        assertEquals(List.of(), search("#0042", 0));
        assertEquals(List.of(), search("carol#", 0));
    }

    @Test
    void membersKnownByIdAloneMatchOnlyTheirNickname() {
        cache.apply(json("""
                {"type":"member","id":"20","guildID":"%d","nickname":"Phantom","roles":[]}""".formatted(G)));
        cache.apply(json("""
                {"type":"member","id":"21","guildID":"%d","nickname":null,"roles":[]}""".formatted(G)));
        assertEquals(List.of(20L), search("pha", 0));
        List<Long> everyone = search("", 0);
        assertTrue(everyone.contains(20L) && !everyone.contains(21L), "the empty query needs some name: " + everyone);
    }

    @Test
    void limitsCutOneStableOrderAcrossSegments() {
        for (long id = 100; id < 3_100; id++) {
            add(id, (id % 3 == 0 ? "User" : "user") + id, "0", null, null);
        }
        List<Long> all = inOrder("USER", 1000);
        assertEquals(1000, all.size());
        assertEquals(1000, new HashSet<>(all).size(), "no member twice");
        for (int limit : new int[] {1, 10, 255, 256, 257, 999}) {
            assertEquals(all.subList(0, limit), inOrder("USER", limit), "limit " + limit);
        }
    }

    @Test
    void renamesElsewhereRefreshTheNamePrefixIndex() {
        add(30, "oldname", "0", "Oldglobal", null);
        cache.apply(json("""
                {"type":"member","id":"30","guildID":"77","roles":[]}"""));
        assertEquals(List.of(30L), search("oldn", 0));
        cache.apply(json("""
                {"type":"user","id":"30","username":"zebra","discriminator":"0","globalName":"Quokka"}"""));
        assertEquals(List.of(30L), search("zeb", 0), "a user payload renamed it");
        assertEquals(List.of(30L), search("QUO", 0));
        assertEquals(List.of(), search("oldn", 0));
        cache.apply(json("""
                {"type":"member","id":"30","guildID":"77","roles":[],
                 "user":{"id":"30","username":"walrus","discriminator":"0","globalName":null}}"""));
        assertEquals(List.of(30L), search("wal", 0), "a membership in another guild renamed it");
        assertEquals(List.of(), search("zeb", 0));
        assertEquals(List.of(), search("quo", 0));
    }

    @Test
    void aNamelessUserThatGetsANameIsFound() {
        cache.apply(json("""
                {"type":"member","id":"40","guildID":"%d","roles":[]}""".formatted(G)));
        assertEquals(List.of(), search("yak", 0));
        cache.apply(json("""
                {"type":"user","id":"40","username":"yakov","discriminator":"0"}"""));
        assertEquals(List.of(40L), search("yak", 0));
    }

    @Test
    void aBudgetStopsALongSearchAndAnUnknownGuildIsSaid() {
        for (long id = 100; id < 2_100; id++) {
            add(id, "user" + id, "0", null, null);
        }
        assertEquals(new SearchOutcome.OverBudget(), cache.searchMembers(G, "user", 1000, 1_000));
        assertEquals(new SearchOutcome.UnknownGuild(), cache.searchMembers(404, "user", 10, 1_000));
        SearchOutcome quick = cache.searchMembers(G, "user", 10, 1_000);
        assertEquals(10, ((SearchOutcome.Found) quick).members().size(), "ten matches cost little");
        SearchOutcome rare = cache.searchMembers(G, "carol", 10, 10_000);
        assertEquals(List.of(4L), ((SearchOutcome.Found) rare).members().stream().map(Member::userId).toList(),
                "the index skips the 2,000 other members within the budget");
    }

    @Test
    void agreesWithMatchingTheDecodedNames() {
        SplittableRandom r = new SplittableRandom(11);
        String[] letters = {"a", "B", "é", "É", "ñ", "ſ", "ı", "I", "k", "\u212A", "σ", "Σ", "日", "😀", "𐐀", "𐐨"};
        List<String> names = new ArrayList<>();
        for (long id = 1_000; id < 2_500; id++) {
            String username = word(r, letters, 1 + r.nextInt(6));
            String global = r.nextBoolean() ? word(r, letters, 1 + r.nextInt(6)) : null;
            String nick = r.nextInt(3) == 0 ? word(r, letters, r.nextInt(6)) : null;
            add(id, username, r.nextBoolean() ? "0" : "%04d".formatted(r.nextInt(1, 10_000)), global, nick);
            names.add(username);
        }
        int nonEmpty = 0;
        for (int n = 0; n < 400; n++) {
            String query = n % 4 == 0 ? word(r, letters, r.nextInt(3))
                    : recased(r, names.get(r.nextInt(names.size())), 1 + r.nextInt(4));
            if (n % 25 == 0) {
                Member m = cache.member(G, 1_000 + r.nextInt(1_500)).orElseThrow();
                query = m.user().username() + "#" + m.user().discriminator();
            }
            Set<Long> expected = reference(query);
            Set<Long> found = new HashSet<>(search(query, 1000));
            if (expected.size() < 1000) {
                assertEquals(expected, found, "query " + query);
            } else {
                assertTrue(expected.containsAll(found) && found.size() == 1000, "query " + query);
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 200, "most queries find someone: " + nonEmpty);
    }

    /** The search predicate applied to decoded members, as searchMembers did before matching bytes. */
    private Set<Long> reference(String query) {
        Set<Long> out = new HashSet<>();
        int hash = query.lastIndexOf('#');
        for (long id = 1; id < 2_500; id++) {
            Member m = cache.member(G, id).orElse(null);
            if (m == null) {
                continue;
            }
            User u = m.user();
            if (prefix(m.nickname(), query) || prefix(u.username(), query) || prefix(u.globalName(), query)
                    || hash > 0 && query.substring(0, hash).equals(u.username())
                    && query.substring(hash + 1).equals(u.discriminator())) {
                out.add(id);
            }
        }
        return out;
    }

    private static boolean prefix(String text, String query) {
        return text != null && text.regionMatches(true, 0, query, 0, query.length());
    }

    private static String word(SplittableRandom r, String[] letters, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(letters[r.nextInt(letters.length)]);
        }
        return sb.toString();
    }

    /** Up to {@code chars} leading chars of {@code text}, each upper-cased, lower-cased or kept. */
    private static String recased(SplittableRandom r, String text, int chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(chars, text.length()); i++) {
            char c = text.charAt(i);
            sb.append(r.nextInt(3) == 0 ? Character.toUpperCase(c) : r.nextBoolean() ? Character.toLowerCase(c) : c);
        }
        return sb.toString();
    }
}
