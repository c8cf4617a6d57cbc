package dev.hubcord.sharder.hub;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs payloads the sharder could not hand to the hub ({@code event=hub_buffer_full}): the first at
 * once, then at most one line per interval, each saying how many refusals it covers, so that a long
 * outage cannot flood the log while no refusal goes unreported. Thread-safe.
 */
final class RefusalLog {

    private static final Logger log = LoggerFactory.getLogger(HubLink.class);

    private final long intervalNanos;
    private final IntSupplier waiting;
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong lastLine;

    /** @param waiting how many payloads wait for the hub, for the log line */
    RefusalLog(long interval, TimeUnit unit, IntSupplier waiting) {
        this.intervalNanos = unit.toNanos(interval);
        this.waiting = waiting;
        this.lastLine = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Counts one refusal of {@code what} and logs if a line is due. */
    void refused(String what) {
        long n = refusals.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLine.get();
        if (now - last >= intervalNanos && lastLine.compareAndSet(last, now)) {
            long covered = n - logged.getAndSet(n);
            log.warn("event=hub_buffer_full refused={} count={} total_refused={} detail=\"the hub is away or slow and "
                    + "{} payloads wait; guild state will be resent when it is back, events are lost\"", what, covered,
                    n, waiting.getAsInt());
        }
    }
}
