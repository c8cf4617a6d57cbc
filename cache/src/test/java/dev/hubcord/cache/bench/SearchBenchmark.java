package dev.hubcord.cache.bench;

import dev.hubcord.cache.CacheConfig;
import dev.hubcord.cache.DiscordCache;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Member search timing, run with {@code cache/bench.sh search}. The cache holds the memory
 * benchmark's population (1,000 guilds x 1,000 members, so user lookups miss the CPU caches as
 * they do in the hub) plus one guild of {@link #BIG} members; queries are the first three letters
 * of a random member's username with {@code limit=10}, as in the hub's REST benchmark. Not a test:
 * it prints its figures.
 */
public final class SearchBenchmark {

    static final int BIG = 50_000;
    static final int BIG_GUILD = CacheBenchmark.GUILDS;
    static final long BIG_USER_BASE = CacheBenchmark.USER_BASE + 10_000_000L;

    public static void main(String[] args) {
        run();
    }

    static void run() {
        System.out.println("== search: " + BIG + "-member guild among " + CacheBenchmark.GUILDS + " guilds x "
                + CacheBenchmark.MEMBERS_PER_GUILD + " members, 3-letter username prefixes, limit 10");
        DiscordCache cache = new DiscordCache(CacheConfig.defaults());
        SplittableRandom rnd = new SplittableRandom(1);
        for (int g = 0; g <= BIG_GUILD; g++) {
            cache.apply(CacheBenchmark.guildPayload(g, true));
        }
        for (int g = 0; g < CacheBenchmark.GUILDS; g++) {
            for (int m = 0; m < CacheBenchmark.MEMBERS_PER_GUILD; m++) {
                long user = CacheBenchmark.USER_BASE + (long) g * CacheBenchmark.MEMBERS_PER_GUILD + m;
                cache.apply(CacheBenchmark.memberPayload(g, user, rnd));
            }
        }
        for (int m = 0; m < BIG; m++) {
            cache.apply(CacheBenchmark.memberPayload(BIG_GUILD, BIG_USER_BASE + m, rnd));
        }
        long bigGuild = CacheBenchmark.GUILD_BASE + BIG_GUILD;
        long smallGuild = CacheBenchmark.GUILD_BASE + 7;
        String[] bigQueries = queries(BIG_USER_BASE, BIG, 1_000);
        String[] smallQueries = queries(CacheBenchmark.USER_BASE + 7L * CacheBenchmark.MEMBERS_PER_GUILD,
                CacheBenchmark.MEMBERS_PER_GUILD, 1_000);
        for (int run = 1; run <= 3; run++) {
            measure("run " + run + " " + BIG + "-member guild", cache, bigGuild, bigQueries, 200);
            measure("run " + run + " 1,000-member guild", cache, smallGuild, smallQueries, 20_000);
        }
    }

    /** The first three letters of the usernames of {@code n} random members among {@code count} users. */
    private static String[] queries(long firstUser, int count, int n) {
        SplittableRandom r = new SplittableRandom(99);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            long user = firstUser + r.nextInt(count);
            out[i] = CacheBenchmark.name(new SplittableRandom(user), 6, 14).substring(0, 3);
        }
        return out;
    }

    private static void measure(String label, DiscordCache cache, long guild, String[] queries, int searches) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[searches];
        long found = 0;
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < searches; i++) {
            long t = System.nanoTime();
            found += cache.searchMembers(guild, queries[i % queries.length], 10).orElseThrow().size();
            nanos[i] = System.nanoTime() - t;
        }
        double total = (System.nanoTime() - start) / 1e3;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        Arrays.sort(nanos);
        System.out.printf("%s: CPU %.1f µs/search; wall mean %.1f µs, min %.1f µs, p50 %.1f µs, p99 %.1f µs;"
                        + " %,d bytes allocated/search; %.2f found/search%n",
                label, cpu / 1e3 / searches, total / searches, nanos[0] / 1e3, nanos[searches / 2] / 1e3,
                nanos[searches * 99 / 100] / 1e3, allocated / searches, found / (double) searches);
    }
}
