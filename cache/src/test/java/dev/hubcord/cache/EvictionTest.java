package dev.hubcord.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EvictionTest {

    static final int PER_GUILD = 400;

    private static void loadGuild(DiscordCache cache, long guild) {
        for (int i = 0; i < PER_GUILD; i++) {
            long user = guild * 1_000_000 + i;
            cache.apply(Payloads.member(guild, user, "u" + user, null, ""));
        }
    }

    @Test
    void membersStayWithinBudgetAndTheirUsersGoWithThem() {
        DiscordCache cache = new DiscordCache(CacheConfig.defaults().withMemberBudget(2_000));
        for (long g = 1; g <= 20; g++) {
            loadGuild(cache, g);
        }
        long cached = cache.stats().memberCount();
        assertTrue(cached <= 2_000, "cached " + cached);
        assertTrue(cached >= 1_000, "evicts only what it must: " + cached);
        assertEquals(20 * PER_GUILD - cached, cache.stats().evictedMembers());
        assertEquals(cached, cache.userCount(), "every user belonged to one membership");
        long present = 0;
        for (long g = 1; g <= 20; g++) {
            present += cache.guild(g).isPresent() ? 1 : 0;
        }
        assertEquals(0, present, "no guild payloads were sent");

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new CacheMetrics(cache).bindTo(registry);
        assertEquals(cached, registry.get("hubcord.cache.size").tag("entity", "member").gauge().value());
        assertEquals(cached, registry.get("hubcord.cache.size").tag("entity", "user").gauge().value());
        assertEquals(20 * PER_GUILD - cached,
                registry.get("hubcord.cache.evictions").tag("entity", "member").functionCounter().count());
    }

    @Test
    void frequentlyReadMembersSurvive() {
        DiscordCache cache = new DiscordCache(CacheConfig.defaults().withMemberBudget(2_000));
        loadGuild(cache, 1);
        for (long g = 2; g <= 30; g++) {
            for (int i = 0; i < 20; i++) {
                assertTrue(cache.member(1, 1_000_000 + i).isPresent(), "guild 1 evicted before guild " + g);
            }
            loadGuild(cache, g);
        }
        assertTrue(cache.member(1, 1_000_000).isPresent());
        assertTrue(cache.stats().evictedMembers() > 0);
    }

    @Test
    void orphanUsersAreBounded() {
        DiscordCache cache = new DiscordCache(CacheConfig.defaults().withOrphanUserBudget(50));
        for (int i = 1; i <= 500; i++) {
            cache.apply(Payloads.json("{\"type\":\"user\",\"id\":\"%d\",\"username\":\"o%d\"}".formatted(i, i)));
        }
        assertTrue(cache.stats().evictedOrphanUsers() >= 450, "evicted " + cache.stats().evictedOrphanUsers());
        assertTrue(cache.userCount() <= 50, "kept " + cache.userCount());
    }

    @Test
    void bigGuildsSplitIntoSegmentsWithoutLosingMembers() {
        DiscordCache cache = new DiscordCache(CacheConfig.defaults());
        for (int i = 0; i < 5_000; i++) {
            cache.apply(Payloads.member(7, 10_000 + i, "m" + i, i % 3 == 0 ? "n" + i : null, "\"1\",\"2\""));
        }
        for (int i = 0; i < 5_000; i++) {
            assertTrue(cache.member(7, 10_000 + i).isPresent(), "member " + i);
        }
        assertEquals(5_000, cache.stats().memberCount());
        assertEquals(5_000, cache.userCount());
        assertEquals("n3", cache.member(7, 10_003).orElseThrow().nickname());
        assertTrue(cache.deleteGuild(7));
        assertEquals(0, cache.userCount());
        assertEquals(0, cache.stats().memberCount());
    }
}
