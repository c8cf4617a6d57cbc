package dev.hubcord.cache.bench;

import dev.hubcord.cache.CacheConfig;
import dev.hubcord.cache.DiscordCache;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Memory, ingest and search benchmarks of the cache; run with
 * {@code cache/bench.sh [memory|ingest|search|all]}.
 * Not a test: it prints its figures.
 */
public final class CacheBenchmark {

    static final int GUILDS = 1_000;
    static final int MEMBERS_PER_GUILD = 1_000;
    static final int CHANNELS = 50;
    static final int ROLES = 30;
    static final int ROLE_SETS_PER_GUILD = 20;
    static final long GUILD_BASE = 800_000_000_000_000_000L;
    static final long USER_BASE = 300_000_000_000_000_000L;

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        if (mode.equals("memory") || mode.equals("all")) {
            memory();
        }
        if (mode.equals("ingest") || mode.equals("all")) {
            ingest();
        }
        if (mode.equals("search") || mode.equals("all")) {
            SearchBenchmark.run();
        }
    }

    // ---------------------------------------------------------------- memory

    static void memory() throws Exception {
        System.out.println("== memory: " + GUILDS + " guilds x " + MEMBERS_PER_GUILD + " members");
        List<Double> perMember = new ArrayList<>();
        List<Double> perGuild = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            long before = heapUsed();
            DiscordCache cache = new DiscordCache(CacheConfig.defaults().withMemberBudget(2_000_000));
            for (int g = 0; g < GUILDS; g++) {
                cache.apply(guildPayload(g, true));
            }
            long afterGuilds = heapUsed();
            SplittableRandom rnd = new SplittableRandom(run);
            long[] userOf = new long[GUILDS * MEMBERS_PER_GUILD];
            int memberships = 0;
            for (int g = 0; g < GUILDS; g++) {
                for (int m = 0; m < MEMBERS_PER_GUILD; m++) {
                    long user;
                    // a tenth of the memberships reuse a user of an earlier guild
                    if (g > 0 && rnd.nextInt(10) == 0) {
                        user = userOf[rnd.nextInt(g * MEMBERS_PER_GUILD)];
                    } else {
                        user = USER_BASE + memberships;
                    }
                    userOf[memberships++] = user;
                    cache.apply(memberPayload(g, user, rnd));
                }
            }
            long users = cache.userCount();
            long members = cache.stats().memberCount();
            userOf = null;
            long afterMembers = heapUsed();
            double bpm = (afterMembers - afterGuilds) / (double) members;
            double bpg = (afterGuilds - before) / (double) GUILDS;
            perMember.add(bpm);
            perGuild.add(bpg);
            System.out.printf("run %d: members=%d users=%d  %.1f bytes/member (incl. users)  %.0f bytes/guild%n",
                    run, members, users, bpm, bpg);
            reachabilityFence(cache);
        }
        System.out.printf("memory: median %.1f bytes/member, median %.0f bytes/guild (%d channels, %d roles)%n",
                median(perMember), median(perGuild), CHANNELS, ROLES);
    }

    private static void reachabilityFence(Object o) {
        java.lang.ref.Reference.reachabilityFence(o);
    }

    static byte[] guildPayload(int g, boolean withSets) {
        long id = GUILD_BASE + g;
        StringBuilder sb = new StringBuilder(16_000);
        sb.append("{\"type\":\"guild\",\"id\":\"").append(id).append("\",\"name\":\"Guild number ").append(g)
                .append("\",\"icon\":\"0123456789abcdef0123456789abcdef\",\"ownerID\":\"").append(USER_BASE)
                .append("\",\"region\":\"europe\",\"memberCount\":").append(MEMBERS_PER_GUILD);
        if (withSets) {
            sb.append(",\"roles\":[");
            for (int r = 0; r < ROLES; r++) {
                sb.append(r == 0 ? "" : ",").append("{\"id\":\"").append(r == 0 ? id : id * 0 + roleId(g, r))
                        .append("\",\"name\":\"role ").append(r).append("\",\"color\":").append(r * 1000)
                        .append(",\"position\":").append(r).append(",\"permissions\":\"").append(1024L << (r % 20))
                        .append("\"}");
            }
            sb.append("],\"channels\":[");
            for (int c = 0; c < CHANNELS; c++) {
                sb.append(c == 0 ? "" : ",").append("{\"id\":\"").append(id + 10_000 + c)
                        .append("\",\"type\":").append(c % 5 == 0 ? 2 : 0).append(",\"position\":").append(c)
                        .append(",\"name\":\"channel-").append(c).append("\",\"nsfw\":false,\"overwrites\":[")
                        .append("{\"id\":\"").append(id).append("\",\"type\":\"role\",\"allow\":\"0\",\"deny\":\"2048\"},")
                        .append("{\"id\":\"").append(roleId(g, 1 + c % (ROLES - 1)))
                        .append("\",\"type\":\"role\",\"allow\":\"2048\",\"deny\":\"0\"}]")
                        .append(",\"parentID\":null}");
            }
            sb.append("]");
        }
        sb.append("}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long roleId(int g, int r) {
        return GUILD_BASE + 5_000_000L + g * 100L + r;
    }

    /** Role set {@code k} of guild {@code g}: 2 to 5 of its roles, fixed per (g, k). */
    static long[] roleSet(int g, int k) {
        SplittableRandom r = new SplittableRandom(g * 31L + k);
        int n = 2 + r.nextInt(4);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = roleId(g, 1 + r.nextInt(ROLES - 1));
        }
        return ids;
    }

    static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_";

    static String name(SplittableRandom rnd, int min, int max) {
        int n = min + rnd.nextInt(max - min + 1);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = LETTERS.charAt(rnd.nextInt(LETTERS.length()));
        }
        return new String(c);
    }

    /** A member of guild {@code g}: a nickname on a third, a global name on half, an avatar on 80%. */
    static byte[] memberPayload(int g, long user, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(400);
        sb.append("{\"type\":\"member\",\"id\":\"").append(user).append("\",\"guildID\":\"").append(GUILD_BASE + g)
                .append("\",\"nickname\":");
        if (rnd.nextInt(3) == 0) {
            sb.append('"').append(name(rnd, 4, 16)).append('"');
        } else {
            sb.append("null");
        }
        sb.append(",\"roles\":[");
        long[] roles = roleSet(g, rnd.nextInt(ROLE_SETS_PER_GUILD));
        for (int i = 0; i < roles.length; i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(roles[i]).append('"');
        }
        sb.append("],\"joinedAt\":\"2023-0").append(1 + rnd.nextInt(9)).append("-1").append(rnd.nextInt(10))
                .append("T14:35:40.").append(100_000 + rnd.nextInt(900_000)).append("+00:00\",\"deaf\":false,")
                .append("\"mute\":false,\"pending\":false,\"communicationDisabledUntil\":null,\"avatar\":null,")
                .append("\"user\":{\"id\":\"").append(user).append("\",\"username\":\"")
                .append(name(new SplittableRandom(user), 6, 14)).append("\",\"discriminator\":\"0\",\"globalName\":");
        SplittableRandom u = new SplittableRandom(user * 7);
        if (u.nextBoolean()) {
            sb.append('"').append(name(u, 4, 12)).append('"');
        } else {
            sb.append("null");
        }
        sb.append(",\"avatar\":");
        if (u.nextInt(5) != 0) {
            sb.append('"');
            for (int i = 0; i < 32; i++) {
                sb.append(Character.forDigit(u.nextInt(16), 16));
            }
            sb.append('"');
        } else {
            sb.append("null");
        }
        sb.append(",\"bot\":false}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long heapUsed() throws InterruptedException {
        var bean = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long used = bean.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < 64 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    // ---------------------------------------------------------------- ingest

    static void ingest() throws Exception {
        int guilds = 200;
        int perGuild = 1_000;
        System.out.println("== ingest: op 5 member payloads, " + guilds + " guilds x " + perGuild);
        byte[][] payloads = new byte[guilds * perGuild][];
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = memberPayload(i % guilds, USER_BASE + i, rnd);
        }
        for (int run = 1; run <= 3; run++) {
            DiscordCache cache = new DiscordCache(CacheConfig.defaults());
            for (int g = 0; g < guilds; g++) {
                cache.apply(guildPayload(g, true));
            }
            double insert = rate(cache, payloads);
            double update = rate(cache, payloads);
            System.out.printf("run %d single thread: %,.0f inserts/s, %,.0f updates/s%n", run, insert, update);
        }
        // with a reader thread hammering member lookups and permission checks meanwhile
        for (int run = 1; run <= 3; run++) {
            DiscordCache cache = new DiscordCache(CacheConfig.defaults());
            for (int g = 0; g < guilds; g++) {
                cache.apply(guildPayload(g, true));
            }
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder reads = new LongAdder();
            Thread reader = Thread.ofPlatform().start(() -> {
                SplittableRandom r = new SplittableRandom(7);
                while (!stop.get()) {
                    int i = r.nextInt(payloads.length);
                    long guild = GUILD_BASE + i % guilds;
                    cache.member(guild, USER_BASE + i);
                    cache.permissions(guild, USER_BASE + i, guild + 10_001);
                    reads.add(2);
                }
            });
            long start = System.nanoTime();
            double insert = rate(cache, payloads);
            double update = rate(cache, payloads);
            double seconds = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            reader.join();
            System.out.printf("run %d with a reader: %,.0f inserts/s, %,.0f updates/s; reader %,.0f lookups/s%n",
                    run, insert, update, reads.sum() / seconds);
        }
    }

    static double rate(DiscordCache cache, byte[][] payloads) {
        long start = System.nanoTime();
        for (byte[] p : payloads) {
            cache.apply(p);
        }
        return payloads.length / ((System.nanoTime() - start) / 1e9);
    }
}
