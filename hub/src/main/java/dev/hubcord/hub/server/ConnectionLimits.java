package dev.hubcord.hub.server;

import dev.hubcord.hub.metrics.HubMetrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open TCP connections, in total and per remote address, and refuses those past {@code HUB_MAX_CONNECTIONS}
 * or {@code HUB_MAX_CONNECTIONS_PER_ADDRESS}. The per-address map holds only addresses with open connections, so it
 * is bounded by the total limit. Refusals are logged at most once a second, with how many were refused meanwhile,
 * so that a flood of connections does not become a flood of log lines.
 */
final class ConnectionLimits {

    /** Whether a new connection may stay. */
    enum Verdict {
        ADMITTED,
        /** {@code HUB_MAX_CONNECTIONS}: answered with HTTP 503. */
        TOO_MANY,
        /** {@code HUB_MAX_CONNECTIONS_PER_ADDRESS}: answered with HTTP 429. */
        TOO_MANY_FROM_ADDRESS
    }

    private static final Logger log = LoggerFactory.getLogger(ConnectionLimits.class);
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final int maxTotal;
    private final int maxPerAddress;
    private final HubMetrics metrics;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final AtomicInteger unlogged = new AtomicInteger();

    ConnectionLimits(int maxTotal, int maxPerAddress, HubMetrics metrics) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.metrics = metrics;
        metrics.gauge("hub_tcp_connections", "open TCP connections (HTTP and WebSocket)", total, AtomicInteger::get);
    }

    /** Counts a new connection in, or refuses it (counting nothing). Every admitted one must be {@link #release}d. */
    Verdict admit(SocketAddress remote) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return refused(Verdict.TOO_MANY, remote);
        }
        InetAddress address = addressOf(remote);
        if (address != null) {
            AtomicInteger count = perAddress.compute(address, (a, c) -> {
                AtomicInteger n = c == null ? new AtomicInteger() : c;
                n.incrementAndGet();
                return n;
            });
            if (count.get() > maxPerAddress) {
                release(remote);
                return refused(Verdict.TOO_MANY_FROM_ADDRESS, remote);
            }
        }
        return Verdict.ADMITTED;
    }

    /** Counts an admitted connection out. */
    void release(SocketAddress remote) {
        total.decrementAndGet();
        InetAddress address = addressOf(remote);
        if (address != null) {
            perAddress.computeIfPresent(address, (a, c) -> c.decrementAndGet() <= 0 ? null : c);
        }
    }

    private Verdict refused(Verdict verdict, SocketAddress remote) {
        metrics.refused(verdict == Verdict.TOO_MANY_FROM_ADDRESS);
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            int meanwhile = unlogged.getAndSet(0);
            log.warn("refusing connection from {}: {}{}", remote, verdict == Verdict.TOO_MANY
                    ? "HUB_MAX_CONNECTIONS (" + maxTotal + ") reached"
                    : "HUB_MAX_CONNECTIONS_PER_ADDRESS (" + maxPerAddress + ") reached for its address",
                    meanwhile == 0 ? "" : " (" + meanwhile + " more refused in the last second)");
        } else {
            unlogged.incrementAndGet();
        }
        return verdict;
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
