package dev.hubcord.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Readers see every member already written while a big guild streams in and its segments split. */
class ConcurrentReadTest {

    @Test
    void readersNeverMissWrittenMembersDuringSplits() throws Exception {
        DiscordCache cache = new DiscordCache(CacheConfig.defaults());
        int total = 20_000;
        AtomicInteger written = new AtomicInteger();
        AtomicLong misses = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Thread reader = Thread.ofPlatform().start(() -> {
            SplittableRandom r = new SplittableRandom(1);
            while (written.get() < total) {
                int n = written.get();
                if (n == 0) {
                    continue;
                }
                long user = 1_000 + r.nextInt(n);
                if (cache.member(3, user).isEmpty()) {
                    misses.incrementAndGet();
                }
                reads.incrementAndGet();
            }
        });
        for (int i = 0; i < total; i++) {
            cache.apply(Payloads.member(3, 1_000 + i, "u" + i, null, "\"1\""));
            written.incrementAndGet();
        }
        reader.join();
        assertTrue(reads.get() > 0);
        assertEquals(0, misses.get(), "members missed by a reader out of " + reads.get());
        assertEquals(total, cache.stats().memberCount());
    }
}
