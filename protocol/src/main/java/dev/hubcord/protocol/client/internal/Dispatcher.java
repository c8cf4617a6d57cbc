package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.client.AckMode;
import dev.hubcord.protocol.client.HubClientException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs event listeners one event at a time, in arrival order, on a single virtual thread (or the
 * application's executor), and acknowledges each event after its listeners return when acks are
 * automatic, unless a listener deferred it. A throwing listener is reported and the event still counts as
 * handled.
 *
 * <p>The events waiting for the listeners are bounded by {@code dispatchCapacity}: {@link #dispatch} says when the
 * bound is reached, the connection then stops reading from the hub ({@link #resumeWhenDrained}), and reading resumes
 * once half of them have been handled. The hub, no longer able to write, gives {@code one} events to other clients
 * and holds the rest within its own bounds.
 */
final class Dispatcher {

    private final Executor executor;
    private final ExecutorService owned;
    private final Listeners listeners;
    private final AckMode ackMode;
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicReference<Runnable> resume = new AtomicReference<>();

    Dispatcher(Executor custom, Listeners listeners, AckMode ackMode) {
        this(custom, listeners, ackMode, Integer.MAX_VALUE);
    }

    Dispatcher(Executor custom, Listeners listeners, AckMode ackMode, int capacity) {
        this.capacity = capacity;
        this.owned = custom == null
                ? Executors.newSingleThreadExecutor(Thread.ofVirtual().name("hub-client-events").factory())
                : null;
        this.executor = custom == null ? owned : custom;
        this.listeners = listeners;
        this.ackMode = ackMode;
    }

    /** Hands the event to the listeners' thread; returns {@code true} when the bound is reached (stop reading). */
    boolean dispatch(DeliveredEvent event) {
        int now = waiting.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    deliver(event);
                } finally {
                    handled();
                }
            });
        } catch (RejectedExecutionException closed) {
            // Closing: the event stays unacknowledged and the hub gives it to another client.
            waiting.decrementAndGet();
            return false;
        }
        return now >= capacity;
    }

    /** Runs {@code task} once at most half the bound is waiting (at once if that is already so). */
    void resumeWhenDrained(Runnable task) {
        resume.set(task);
        if (waiting.get() <= capacity / 2) {
            Runnable r = resume.getAndSet(null);
            if (r != null) {
                r.run();
            }
        }
    }

    /** Events handed over and not yet handled by the listeners. */
    int waiting() {
        return waiting.get();
    }

    private void handled() {
        if (waiting.decrementAndGet() <= capacity / 2 && resume.get() != null) {
            Runnable r = resume.getAndSet(null);
            if (r != null) {
                r.run();
            }
        }
    }

    private void deliver(DeliveredEvent event) {
        for (Listeners.EventRegistration registration : listeners.events()) {
            if (!registration.accepts(event.name())) {
                continue;
            }
            try {
                registration.listener().onEvent(event);
            } catch (Exception | LinkageError e) {
                listeners.error(new HubClientException(HubClientException.Kind.LISTENER_FAILED,
                        "listener failed on " + event.name() + " s=" + event.seq(), e));
            }
        }
        if (ackMode == AckMode.AUTO && !event.ackDeferred()) {
            event.ack();
        }
    }

    /** Stops taking events; the one being handled finishes. Only the client's own executor is shut down. */
    void shutdown() {
        if (owned != null) {
            owned.shutdown();
        }
    }
}
