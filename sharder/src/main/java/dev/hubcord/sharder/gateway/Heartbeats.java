package dev.hubcord.sharder.gateway;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's heartbeats: the first after a random fraction of the interval (so shards do not beat in step), then
 * one per interval; a beat due while the last one is unacknowledged means a zombie connection. Used on the shard's
 * event loop only, except {@link #latencyMillis()}.
 */
final class Heartbeats {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final int shard;
    private final EventLoop loop;
    private final ShardOutbox outbox;
    private final Supplier<GatewayConnection> connection;
    private final LongSupplier seq;
    private final Runnable zombie;
    private ScheduledFuture<?> task;
    private boolean acked = true;
    private long sentNanos;
    private volatile long latencyMillis = -1;

    Heartbeats(int shard, EventLoop loop, ShardOutbox outbox, Supplier<GatewayConnection> connection, LongSupplier seq,
            Runnable zombie) {
        this.shard = shard;
        this.loop = loop;
        this.outbox = outbox;
        this.connection = connection;
        this.seq = seq;
        this.zombie = zombie;
    }

    /** HELLO: beats every {@code intervalMillis} from now on, the first one jittered. */
    void start(long intervalMillis) {
        stop();
        acked = true;
        long first = (long) (intervalMillis * ThreadLocalRandom.current().nextDouble());
        task = loop.scheduleAtFixedRate(this::due, first, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void due() {
        if (!acked) {
            log.warn("shard={} event=zombie detail=\"no heartbeat ACK before the next heartbeat\"", shard);
            zombie.run();
            return;
        }
        beat();
    }

    /** Sends a heartbeat now (also when Discord asks with op 1). */
    void beat() {
        GatewayConnection current = connection.get();
        if (current == null || !current.isOpen()) {
            return;
        }
        if (!outbox.takeSlot(true)) {
            log.warn("shard={} event=heartbeat_limited", shard);
            return;
        }
        acked = false;
        sentNanos = System.nanoTime();
        current.send(GatewayPayloads.heartbeat(seq.getAsLong()), null);
    }

    /** op 11. */
    void acknowledged() {
        acked = true;
        latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos);
    }

    /** Stops beating (the connection is gone or the shard stops). */
    void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** The connection closed: no round trip to report until the next ACK. */
    void disconnected() {
        stop();
        acked = true;
        latencyMillis = -1;
    }

    /** The last heartbeat round trip in ms, or -1 before the first ACK of the connection. */
    long latencyMillis() {
        return latencyMillis;
    }
}
