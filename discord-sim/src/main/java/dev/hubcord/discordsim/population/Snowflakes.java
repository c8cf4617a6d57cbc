package dev.hubcord.discordsim.population;

import java.util.SplittableRandom;

/**
 * Snowflake arithmetic and a seeded generator. With the same seed the generator yields the same ids in the same
 * order, so tests can predict guild, channel and user ids; timestamps advance by a seeded random step, which spreads
 * guilds over shards the way real ids do.
 */
public final class Snowflakes {

    /** Discord's epoch, the first millisecond of 2015, in Unix milliseconds. */
    public static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final SplittableRandom random;
    private final int worker;
    private final int process;
    private long lastMillis;
    private int increment;

    /** A deterministic generator starting at {@code startEpochMillis}. */
    public Snowflakes(long seed, long startEpochMillis) {
        this.random = new SplittableRandom(seed);
        this.worker = random.nextInt(32);
        this.process = random.nextInt(32);
        this.lastMillis = startEpochMillis;
    }

    /** Next id, at least 1 ms after the previous one. */
    public synchronized long next() {
        lastMillis += 1 + random.nextInt(40);
        return compose();
    }

    /**
     * Next id stamped with the wall clock (or just after the previous id, if the clock went backwards): for runtime
     * objects like messages and interactions, whose age clients may compute.
     */
    public synchronized long nextNow() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
        }
        return compose();
    }

    private long compose() {
        increment = (increment + 1) & 0xFFF;
        return ((lastMillis - DISCORD_EPOCH) << 22) | ((long) worker << 17) | ((long) process << 12) | increment;
    }

    /** Creation time of a snowflake in Unix milliseconds. */
    public static long timestampMillis(long snowflake) {
        return (snowflake >>> 22) + DISCORD_EPOCH;
    }

    /** Discord's shard routing: {@code (guild_id >> 22) % num_shards}, unsigned. */
    public static int shardFor(long guildId, int numShards) {
        return (int) Long.remainderUnsigned(guildId >>> 22, numShards);
    }
}
