package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.client.ConnectionListener;
import dev.hubcord.protocol.client.ErrorListener;
import dev.hubcord.protocol.client.EventListener;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.StateChange;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered listeners, and the notification thread that tells connection and error listeners,
 * in order, off the event loop. A failing listener is logged, never allowed to stop the others.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    /** An event listener with an optional name filter. */
    record EventRegistration(String eventName, EventListener listener) {
        boolean accepts(String name) {
            return eventName == null || eventName.equals(name);
        }
    }

    private final List<EventRegistration> events = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connection = new CopyOnWriteArrayList<>();
    private final List<ErrorListener> errors = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("hub-client-notify").factory());

    void addEvent(String eventName, EventListener listener) {
        events.add(new EventRegistration(eventName, Objects.requireNonNull(listener, "listener")));
    }

    void addConnection(ConnectionListener listener) {
        connection.add(Objects.requireNonNull(listener, "listener"));
    }

    void addError(ErrorListener listener) {
        errors.add(Objects.requireNonNull(listener, "listener"));
    }

    List<EventRegistration> events() {
        return events;
    }

    void stateChanged(StateChange change) {
        LOG.debug("hub client {} -> {} ({} {})", change.previous(), change.state(), change.closeCode(), change.reason());
        run(() -> {
            for (ConnectionListener listener : connection) {
                try {
                    listener.onStateChange(change);
                } catch (RuntimeException e) {
                    LOG.warn("connection listener failed", e);
                }
            }
        });
    }

    void error(HubClientException error) {
        run(() -> {
            if (errors.isEmpty()) {
                LOG.warn("hub client: {}", error.getMessage(), error.getCause());
                return;
            }
            for (ErrorListener listener : errors) {
                try {
                    listener.onError(error);
                } catch (RuntimeException e) {
                    LOG.warn("error listener failed", e);
                }
            }
        });
    }

    private void run(Runnable task) {
        try {
            notifier.execute(task);
        } catch (RejectedExecutionException closed) {
            // The client is closed; its listeners have been told CLOSED already.
        }
    }

    /** Lets queued notifications run, then ends the notification thread. */
    void shutdown() {
        notifier.shutdown();
    }
}
