package dev.hubcord.sharder.gateway;

import dev.hubcord.sharder.metrics.SharderMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs exactly the shards the hub assigns: starts the new ones of an assignment (in ID order, so
 * their IDENTIFY requests reach the hub's gate in order) and stops the ones that are gone. All shards
 * share one event loop group; each is pinned to one loop of it.
 */
public final class ShardManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardManager.class);

    /** What an assignment changed; {@code previousCount} is the shard count the stopped shards ran with. */
    public record Change(Set<Integer> started, Set<Integer> stopped, int previousCount) {}

    private final ShardOptions options;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final IdentifyPermits permits;
    private final ShardListener listener;
    private final SharderMetrics metrics;
    private final Map<Integer, Shard> shards = new TreeMap<>();
    private volatile int shardCount;

    public ShardManager(ShardOptions options, EventLoopGroup group, IdentifyPermits permits, ShardListener listener,
            SharderMetrics metrics) {
        this.options = options;
        this.group = group;
        this.permits = permits;
        this.listener = listener;
        this.metrics = metrics;
        this.bootstrap = new Bootstrap()
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, options.connectTimeoutMs());
    }

    /**
     * Applies an assignment. A new shard count restarts every shard (each IDENTIFY names the count).
     */
    public synchronized Change assign(Collection<Integer> ids, int count) {
        Set<Integer> wanted = new TreeSet<>(ids);
        Set<Integer> stopped = new TreeSet<>();
        Set<Integer> started = new TreeSet<>();
        int previous = shardCount;
        if (count != shardCount) {
            stopped.addAll(shards.keySet());
            shardCount = count;
        } else {
            for (Integer id : shards.keySet()) {
                if (!wanted.contains(id)) {
                    stopped.add(id);
                }
            }
        }
        for (Integer id : stopped) {
            shards.remove(id).stop();
        }
        if (count > 0) {
            for (Integer id : wanted) {
                if (id >= 0 && id < count && !shards.containsKey(id)) {
                    Shard shard = new Shard(id, count, options, group.next(), bootstrap, permits, listener, metrics);
                    shards.put(id, shard);
                    started.add(id);
                    shard.start();
                }
            }
        }
        if (!started.isEmpty() || !stopped.isEmpty()) {
            log.info("event=shards_assigned shards={} count={} started={} stopped={}", wanted, count, started, stopped);
        }
        return new Change(started, stopped, previous);
    }

    public synchronized Shard shard(int id) {
        return shards.get(id);
    }

    public synchronized List<Shard> shards() {
        return List.copyOf(shards.values());
    }

    public int shardCount() {
        return shardCount;
    }

    public synchronized boolean runs(int id) {
        return shards.containsKey(id);
    }

    /** Guilds across the running shards, for the hub heartbeat's {@code guilds}. */
    public synchronized int guildCount() {
        int n = 0;
        for (Shard shard : shards.values()) {
            n += shard.guildCount();
        }
        return n;
    }

    /** Member requests not finished across the running shards (waiting or in flight). */
    public synchronized int memberRequestsOutstanding() {
        int n = 0;
        for (Shard shard : shards.values()) {
            n += shard.memberRequestsOutstanding();
        }
        return n;
    }

    /** The shard of a guild under the current count: {@code (id >>> 22) % count}, unsigned. */
    public int shardOf(long guildId) {
        int count = shardCount;
        return count <= 0 ? -1 : (int) Long.remainderUnsigned(guildId >>> 22, count);
    }

    /** Stops every shard (each closes with 1000, ending its Discord session). */
    @Override
    public synchronized void close() {
        shards.values().forEach(Shard::stop);
        shards.clear();
    }
}
