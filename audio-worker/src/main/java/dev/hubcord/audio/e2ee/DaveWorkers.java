package dev.hubcord.audio.e2ee;

import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for DAVE's MLS work (a commit or Welcome costs milliseconds of CPU), so that a voice event loop, which
 * paces the audio of many guilds, never runs it. Each voice connection gets a {@link #serial} executor: its messages
 * are handled one at a time, in the order they arrived, as the protocol needs. Bounds: {@link #THREADS} shared
 * threads with a queue of {@link #QUEUE} sessions waiting for one (when full, the session's work runs on the caller,
 * the event loop, as before: slower, never reordered or lost); at most {@link #MAX_PENDING} messages waiting per
 * session (past it a message is dropped with a warning: the voice server's transition timeout then recovers the
 * session). Threads are daemons that end after 30 s idle.
 */
final class DaveWorkers {

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final int QUEUE = 4096;
    static final int MAX_PENDING = 1024;
    static final DaveWorkers SHARED = new DaveWorkers();

    private static final Logger log = LoggerFactory.getLogger(DaveWorkers.class);

    private final ThreadPoolExecutor pool;

    private DaveWorkers() {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "dave-mls-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** An executor that runs its tasks one at a time, in order, on the shared threads. */
    Executor serial() {
        return new Serial();
    }

    private final class Serial implements Executor {

        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                if (tasks.size() >= MAX_PENDING) {
                    log.warn("DAVE: {} messages already wait for this voice connection; one dropped", MAX_PENDING);
                    return;
                }
                tasks.add(task);
                if (running) {
                    return;
                }
                running = true;
            }
            pool.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = tasks.poll();
                    if (task == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("DAVE message handling failed", e);
                }
            }
        }
    }
}
