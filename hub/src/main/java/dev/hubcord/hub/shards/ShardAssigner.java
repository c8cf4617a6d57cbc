package dev.hubcord.hub.shards;

import dev.hubcord.hub.session.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads {@code shardCount} shards over the live sharder sessions: sessions in join order get
 * {@code count / n} shards each, the first {@code count % n} one more. A rebalance keeps each
 * sharder's lowest shards up to its new share and hands out only what is free, so a join or a leave
 * moves as few shards as possible. A sharder whose connection dropped keeps its shards while its
 * session may still resume: its Discord sessions are still up.
 */
public final class ShardAssigner {

    private static final Logger log = LoggerFactory.getLogger(ShardAssigner.class);

    private final List<Session> sharders = new ArrayList<>();
    private final Map<Session, TreeSet<Integer>> assigned = new LinkedHashMap<>();
    private final boolean countFixed;
    private int shardCount;
    private int maxConcurrency = 1;
    private boolean maxConcurrencyKnown;
    private Session[] owners = new Session[0];

    /** @param configuredShardCount {@code HUB_SHARD_COUNT}; 0 means take the first sharder's hint */
    public ShardAssigner(int configuredShardCount) {
        this.countFixed = configuredShardCount > 0;
        setCount(configuredShardCount);
    }

    /**
     * Adds a sharder and rebalances.
     *
     * @param hintShards the sharder's {@code gateway.shards}, or 0
     * @param hintMaxConcurrency its {@code gateway.maxConcurrency}, or 0
     * @return the new assignment of every sharder whose shards changed (the new one included)
     */
    public synchronized Map<Session, ShardAssignment> add(Session sharder, int hintShards, int hintMaxConcurrency) {
        if (hintShards > 0) {
            if (shardCount == 0) {
                setCount(hintShards);
                log.info("shard count {} taken from sharder {}", hintShards, sharder.name());
            } else if (hintShards != shardCount) {
                log.warn("sharder {} reports {} shards; keeping {}{}", sharder.name(), hintShards, shardCount,
                        countFixed ? " (HUB_SHARD_COUNT)" : " (first report)");
            }
        }
        if (hintMaxConcurrency > 0) {
            if (!maxConcurrencyKnown) {
                maxConcurrency = hintMaxConcurrency;
                maxConcurrencyKnown = true;
            } else if (hintMaxConcurrency != maxConcurrency) {
                log.warn("sharder {} reports maxConcurrency {}; keeping {}", sharder.name(), hintMaxConcurrency,
                        maxConcurrency);
            }
        }
        sharders.add(sharder);
        sharders.sort(Comparator.comparingLong(Session::joinOrder));
        assigned.put(sharder, new TreeSet<>());
        Map<Session, ShardAssignment> changes = rebalance();
        changes.putIfAbsent(sharder, assignmentOf(sharder));
        return changes;
    }

    /** Removes an ended sharder and gives its shards to the others; returns the changed assignments. */
    public synchronized Map<Session, ShardAssignment> remove(Session sharder) {
        if (!sharders.remove(sharder)) {
            return Map.of();
        }
        for (int shard : assigned.remove(sharder)) {
            owners[shard] = null;
        }
        return rebalance();
    }

    private void setCount(int count) {
        shardCount = count;
        owners = new Session[count];
    }

    private Map<Session, ShardAssignment> rebalance() {
        Map<Session, ShardAssignment> changes = new LinkedHashMap<>();
        int n = sharders.size();
        if (shardCount == 0 || n == 0) {
            return changes;
        }
        List<Integer> free = new ArrayList<>();
        for (int shard = 0; shard < shardCount; shard++) {
            if (owners[shard] == null) {
                free.add(shard);
            }
        }
        List<Session> changed = new ArrayList<>();
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = shardCount / n + (i < shardCount % n ? 1 : 0);
            TreeSet<Integer> mine = assigned.get(sharders.get(i));
            while (mine.size() > targets[i]) {
                int shard = mine.pollLast();
                owners[shard] = null;
                free.add(shard);
                changed.add(sharders.get(i));
            }
        }
        free.sort(null);
        int next = 0;
        for (int i = 0; i < n && next < free.size(); i++) {
            Session sharder = sharders.get(i);
            TreeSet<Integer> mine = assigned.get(sharder);
            while (mine.size() < targets[i] && next < free.size()) {
                int shard = free.get(next++);
                mine.add(shard);
                owners[shard] = sharder;
                changed.add(sharder);
            }
        }
        for (Session sharder : changed) {
            changes.put(sharder, assignmentOf(sharder));
        }
        return changes;
    }

    /** The sharder's current assignment (empty while the shard count is unknown). */
    public synchronized ShardAssignment assignmentOf(Session sharder) {
        TreeSet<Integer> mine = assigned.get(sharder);
        return new ShardAssignment(mine == null ? List.of() : new ArrayList<>(mine), shardCount, maxConcurrency);
    }

    /** The sharder running the shard, or {@code null}. */
    public synchronized Session ownerOfShard(int shard) {
        return shard >= 0 && shard < owners.length ? owners[shard] : null;
    }

    /** The sharder running the guild's shard, {@code (guildId >>> 22) % shardCount}, or {@code null}. */
    public synchronized Session ownerOfGuild(long guildId) {
        return shardCount == 0 ? null : owners[shardOf(guildId)];
    }

    /** The guild's shard; the shard count must be known. */
    public synchronized int shardOf(long guildId) {
        return (int) Long.remainderUnsigned(guildId >>> 22, shardCount);
    }

    public synchronized int shardCount() {
        return shardCount;
    }

    public synchronized int maxConcurrency() {
        return maxConcurrency;
    }

    /** Shard index to the name of the sharder running it ({@code null} when unassigned), for {@code /v1/shards}. */
    public synchronized Session[] owners() {
        return owners.clone();
    }
}
