package dev.hubcord.hub.rest.discord;

import dev.hubcord.hub.rest.RestResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for the REST work too long for an event loop (a member search that ran out of its
 * event-loop budget). Bounded: {@link #THREADS} threads and a queue of {@link #QUEUE} requests;
 * when both are full the request is refused at once with 503 and {@code Retry-After: 1} (the
 * client retries; the event loops never wait), with one log line per second at most saying how
 * many were refused. Threads are daemons that end after 30 s idle, so a stopped hub leaves none.
 */
final class SearchWorkers {

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final int QUEUE = 64;

    private static final Logger log = LoggerFactory.getLogger(SearchWorkers.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor executor;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(2));

    SearchWorkers() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "hub-search-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} on a worker thread, or answers 503 when the workers are saturated. */
    RestResponse submit(Supplier<RestResponse> work) {
        CompletableFuture<RestResponse> answer = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    answer.complete(work.get());
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            long count = refused.incrementAndGet();
            long now = System.nanoTime();
            long last = lastLogNanos.get();
            if (now - last >= TimeUnit.SECONDS.toNanos(1) && lastLogNanos.compareAndSet(last, now)) {
                log.warn("member search workers saturated ({} threads, {} queued): answered 503 ({} refused so far)",
                        THREADS, QUEUE, count);
            }
            return RestResponse.unavailable("too many slow member searches at once; retry shortly", 1);
        }
        return RestResponse.later(answer);
    }

    long refused() {
        return refused.get();
    }
}
