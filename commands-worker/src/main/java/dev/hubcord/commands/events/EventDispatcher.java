package dev.hubcord.commands.events;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.IncomingEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the listeners of each {@code DISPATCH} event ({@code {shard, t, d}}) on a virtual thread, at most
 * {@code maxInFlight} events at once (more wait for a slot, on their own threads; the hub keeps them unacknowledged
 * meanwhile), and acknowledges the event when all its listeners returned or threw. A dispatch of a type no listener
 * wants is acknowledged at once.
 */
public final class EventDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<String, List<EventListener<?>>> byName = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("event-", 0).factory());
    private final Semaphore slots;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private volatile EventContextFactory contexts;

    /** Makes the context of an event from its shard. */
    @FunctionalInterface
    public interface EventContextFactory {
        EventContext forShard(int shard);
    }

    public EventDispatcher(List<EventListener<?>> listeners, int maxInFlight) {
        for (EventListener<?> l : listeners) {
            byName.computeIfAbsent(GatewayEvents.dispatchName(l.type()), k -> new ArrayList<>()).add(l);
        }
        this.slots = new Semaphore(maxInFlight);
    }

    /** The Discord events to subscribe to: those some listener wants. */
    public List<String> subscriptions() {
        return List.copyOf(byName.keySet());
    }

    public void bind(DiscordApi discord, HubApi hub, HubClient client) {
        this.contexts = shard -> new EventContext(shard, discord, hub, client);
    }

    /** The hub listener for DISPATCH. */
    public void onEvent(IncomingEvent event) {
        String t = event.data().path("t").asText("");
        List<EventListener<?>> listeners = byName.get(t);
        GatewayEvent typed = listeners == null ? null : GatewayEvents.read(t, event.data().path("d"));
        if (typed == null) {
            event.ack();
            return;
        }
        event.deferAck();
        int shard = event.data().path("shard").asInt(0);
        try {
            threads.execute(() -> run(event, t, typed, listeners, shard));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.info("DISPATCH {}: shutting down, left unacknowledged for another worker", t);
        }
    }

    private void run(IncomingEvent event, String t, GatewayEvent typed, List<EventListener<?>> listeners, int shard) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            EventContext ctx = contexts == null ? new EventContext(shard, null, null, null) : contexts.forShard(shard);
            for (EventListener<?> l : listeners) {
                invoke(l, typed, ctx, t);
            }
            handled.incrementAndGet();
        } finally {
            slots.release();
        }
        event.ack();
    }

    @SuppressWarnings("unchecked")
    private <E extends GatewayEvent> void invoke(EventListener<E> listener, GatewayEvent event, EventContext ctx,
            String t) {
        try {
            listener.on((E) event, ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError | AssertionError e) {
            failures.incrementAndGet();
            log.error("listener {} of {} threw; the event is acknowledged", listener.getClass().getName(), t, e);
        }
    }

    /** Listener calls that threw, since the start. */
    public long failures() {
        return failures.get();
    }

    /** Events whose listeners ran. */
    public long handled() {
        return handled.get();
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
