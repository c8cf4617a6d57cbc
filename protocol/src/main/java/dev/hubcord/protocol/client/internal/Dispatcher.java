package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.client.AckMode;
import dev.hubcord.protocol.client.HubClientException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs event listeners one event at a time, in arrival order, on a single virtual thread (or the
 * application's executor), and acknowledges each event after its listeners return when acks are
 * automatic, unless a listener deferred it. A throwing listener is reported and the event still counts as
 * handled.
 */
final class Dispatcher {

    private final Executor executor;
    private final ExecutorService owned;
    private final Listeners listeners;
    private final AckMode ackMode;

    Dispatcher(Executor custom, Listeners listeners, AckMode ackMode) {
        this.owned = custom == null
                ? Executors.newSingleThreadExecutor(Thread.ofVirtual().name("hub-client-events").factory())
                : null;
        this.executor = custom == null ? owned : custom;
        this.listeners = listeners;
        this.ackMode = ackMode;
    }

    void dispatch(DeliveredEvent event) {
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException closed) {
            // Closing: the event stays unacknowledged and the hub gives it to another client.
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
