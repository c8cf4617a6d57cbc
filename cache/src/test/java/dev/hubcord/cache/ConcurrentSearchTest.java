package dev.hubcord.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.cache.model.Member;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Search scans segments and user stripes with optimistic reads: while a writer inserts and
 * removes members and users around them (shifting the arrays the scan reads), members that do not
 * change are always found, and nothing that does not match is returned.
 */
class ConcurrentSearchTest {

    static final long G = 9;
    static final int KEEP = 600;
    static final int CHURN = 300;

    @Test
    void searchesSeeStableMembersWhileOthersChurn() throws Exception {
        // One user stripe and interleaved IDs: every insert or removal shifts kept members' rows and users.
        CacheConfig defaults = CacheConfig.defaults();
        DiscordCache cache = new DiscordCache(new CacheConfig(defaults.memberBudget(), defaults.orphanUserBudget(), 1,
                defaults.clock()));
        for (int i = 0; i < KEEP; i++) {
            cache.apply(Payloads.member(G, 10_000 + 2L * i, "keeper" + i, i % 2 == 0 ? "Stay" + i : null, ""));
        }
        Set<Long> keepers = LongStream.range(0, KEEP).map(i -> 10_000 + 2 * i).boxed().collect(Collectors.toSet());
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            SplittableRandom r = new SplittableRandom(5);
            while (!stop.get()) {
                long user = 10_001 + 2L * r.nextInt(CHURN);
                if (r.nextBoolean()) {
                    cache.apply(Payloads.member(G, user, "churn" + r.nextInt(1000), r.nextBoolean() ? "Stray" : null, ""));
                } else {
                    cache.apply(Payloads.json("""
                            {"type":"member","id":"%d","guildID":"%d","delete":true}""".formatted(user, G)));
                }
            }
        });
        try {
            for (int n = 0; n < 500; n++) {
                List<Member> kept = cache.searchMembers(G, "KEEPER", 1000).orElseThrow();
                assertEquals(keepers, kept.stream().map(Member::userId).collect(Collectors.toSet()), "search " + n);
                List<Member> stay = cache.searchMembers(G, "stay", 1000).orElseThrow();
                assertEquals(KEEP / 2, stay.size(), "search " + n);
                for (Member m : cache.searchMembers(G, "chu", 1000).orElseThrow()) {
                    assertTrue(m.user().username().startsWith("churn"), m.toString());
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
