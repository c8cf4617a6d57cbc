package dev.hubcord.hub.routing;

import dev.hubcord.hub.flow.FlowPolicy;
import dev.hubcord.hub.metrics.HubMetrics;
import dev.hubcord.hub.session.RoutedEvent;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.hub.shards.ShardAssigner;
import dev.hubcord.protocol.DeliveryMode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.EnvelopeWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events by the modes of contract section 6. Routing runs on the sender's event loop and
 * takes no global lock on the common path: choosing a receiver reads copy-on-write lists and atomic
 * counters, and delivery locks only the receiving session. Only when no receiver can be chosen does
 * it take the pending lock, choose again under it, and queue the event; {@link #retryPending} runs
 * under the same lock, so an event cannot slip between a failed choice and a new receiver's arrival.
 * A retry visits at most {@link #RETRY_SLICE} waiting events per lock hold; the rest of its pass
 * runs in further slices on the {@code continuation} executor (a hub thread), in order (see
 * {@link WaitingQueue}), so one receiver's arrival never stalls the event loop that saw it, nor,
 * through the lock, the event loops routing meanwhile.
 *
 * <p>A receiver is chosen for a {@code one} event only while the {@link FlowPolicy} lets it take one (its window of
 * unacknowledged events and its outbound backlog); otherwise the event goes to another or waits. When a waiting
 * queue passes three quarters of {@code HUB_PENDING_LIMIT}, the connections whose events are waiting stop being read
 * ({@link #pauseIfSaturated}) until the queues are back under half: producers are slowed rather than buffered.
 */
public final class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private static final ServiceType[] CLIENT_TYPES = {ServiceType.SHARDER, ServiceType.COMMANDS, ServiceType.AUDIO};

    private final SessionRegistry sessions;
    private final ShardAssigner shards;
    private final AudioGuildOwners audioOwners;
    private final NonceRegistry nonces;
    private final HubMetrics metrics;
    private final int pendingLimit;
    private final Object pendingLock = new Object();
    private final AtomicInteger tieBreak = new AtomicInteger();
    private final Map<ServiceType, WaitingQueue> pending = new EnumMap<>(ServiceType.class);
    /** Events waiting per receiver type, readable without the lock (an ACK asks whether a retry is worth it). */
    private final Map<ServiceType, AtomicInteger> waiting = new EnumMap<>(ServiceType.class);
    /** Resumes reading from producers paused while the queues were saturated. Guarded by the pending lock. */
    private final List<Runnable> pausedProducers = new ArrayList<>();
    private final FlowPolicy flow;
    /** Runs the further slices of a retry pass. */
    private final Executor continuation;
    private long lastOverflowLog;

    /** Waiting events one retry slice visits under the pending lock (about 0.1 to 0.5 ms of work). */
    static final int RETRY_SLICE = 1024;

    public Router(SessionRegistry sessions, ShardAssigner shards, AudioGuildOwners audioOwners, NonceRegistry nonces,
            HubMetrics metrics, int pendingLimit, FlowPolicy flow, Executor continuation) {
        this.flow = flow;
        this.continuation = continuation;
        this.sessions = sessions;
        this.shards = shards;
        this.audioOwners = audioOwners;
        this.nonces = nonces;
        this.metrics = metrics;
        this.pendingLimit = pendingLimit;
        for (ServiceType type : CLIENT_TYPES) {
            pending.put(type, new WaitingQueue());
            waiting.put(type, new AtomicInteger());
        }
        metrics.gauge("hub_events_waiting", "events waiting for a receiver type with nobody connected", this,
                Router::waitingCount);
    }

    /** Routes an event a client sent; the caller has checked that the sender may send it and that it is well formed. */
    public void route(Session from, RoutedEvent event) {
        metrics.routed(event.type());
        if (event.type() == EventType.REPLY) {
            routeReply(event);
            return;
        }
        if (event.nonce() != null && event.type().mayBeRequest()) {
            nonces.register(event.nonce(), from.id());
        }
        if (event.type().mode() == DeliveryMode.SUBSCRIBERS) {
            for (ServiceType type : CLIENT_TYPES) {
                if (hasSubscriber(type, event.dispatchName()) && !deliverOrWait(type, event)) {
                    from.parkedEvent();
                }
            }
            return;
        }
        if (!deliverOrWait(event.type().receiver(), event)) {
            from.parkedEvent();
        }
    }

    /** Delivers an event the hub composed, by its type's receiver and mode (waiting if nobody can take it). */
    public void deliver(RoutedEvent event) {
        metrics.routed(event.type());
        deliverOrWait(event.type().receiver(), event);
    }

    /** Sends one of the hub's own events straight to a session (not tracked for ACK). */
    public void sendDirect(Session to, EventType type, Object data) {
        metrics.routed(type);
        to.deliver(RoutedEvent.ofHub(type, EnvelopeWriter.data(data)), false);
    }

    /** Sends one of the hub's own events to every live session. */
    public void broadcast(EventType type, Object data) {
        byte[] d = EnvelopeWriter.data(data);
        for (Session session : sessions.all()) {
            metrics.routed(type);
            session.deliver(RoutedEvent.ofHub(type, d), false);
        }
    }

    /**
     * Delivers an ended session's unacknowledged events again, each marked {@code redelivered}, to
     * another receiver of the same type. The caller has already released the session's guilds and shards.
     */
    public void redeliver(Session ended, List<RoutedEvent> unacked) {
        for (RoutedEvent event : unacked) {
            metrics.redelivered();
            deliverOrWait(ended.type(), event.asRedelivered());
        }
        if (!unacked.isEmpty()) {
            log.info("redelivering {} unacknowledged events of {}", unacked.size(), ended);
        }
    }

    /** Tries again to deliver the events waiting for a receiver type: after a receiver connects or shards move. */
    public void retryPending(ServiceType receiver) {
        boolean drive;
        synchronized (pendingLock) {
            drive = pending.get(receiver).requestPass();
        }
        if (drive) {
            retrySlice(receiver);
        }
    }

    /** One slice of a retry pass; schedules the next slice while the pass is not over. */
    private void retrySlice(ServiceType receiver) {
        boolean more;
        synchronized (pendingLock) {
            WaitingQueue queue = pending.get(receiver);
            // a plain `one` event that finds no receiver means none after it will in this pass (WaitingQueue
            // skips their choice), so that a refill of a full window costs one pass over the queue and no more
            int delivered = queue.step(RETRY_SLICE, event -> tryDeliver(receiver, event));
            more = queue.passing();
            waiting.get(receiver).set(queue.size());
            if (delivered > 0) {
                // debug: with windows this runs on every refill of a worker that was full
                log.debug("delivered {} waiting events to {} clients ({} still waiting)", delivered,
                        receiver.wireName(), queue.size());
            }
            if (!pausedProducers.isEmpty() && maxWaiting() <= pendingLimit / 2) {
                log.info("waiting queues back under half their limit: reading from {} paused producers again",
                        pausedProducers.size());
                pausedProducers.forEach(Runnable::run);
                pausedProducers.clear();
            }
        }
        if (more) {
            try {
                continuation.execute(() -> retrySlice(receiver));
            } catch (RejectedExecutionException stopped) {
                log.debug("hub stopping: retry of waiting {} events not continued", receiver.wireName());
            }
        }
    }

    /** Whether events wait for {@code receiver}: worth a {@link #retryPending} when one of them gains room. */
    public boolean hasWaiting(ServiceType receiver) {
        AtomicInteger count = waiting.get(receiver);
        return count != null && count.get() > 0;
    }

    /**
     * Called after a read batch by a connection whose events had to wait: when a waiting queue is past three
     * quarters of its limit, keeps {@code resume} to run once the queues are back under half and returns {@code true}
     * (the caller stops reading); otherwise returns {@code false}.
     */
    public boolean pauseIfSaturated(Runnable resume) {
        synchronized (pendingLock) {
            if (maxWaiting() < pendingLimit - pendingLimit / 4) {
                return false;
            }
            pausedProducers.add(resume);
            return true;
        }
    }

    /** Forgets a paused producer that went away. */
    public void forgetPaused(Runnable resume) {
        synchronized (pendingLock) {
            pausedProducers.remove(resume);
        }
    }

    private int maxWaiting() {
        int max = 0;
        for (WaitingQueue queue : pending.values()) {
            max = Math.max(max, queue.size());
        }
        return max;
    }

    /** @return {@code false} when the event had to wait for a receiver */
    private boolean deliverOrWait(ServiceType receiver, RoutedEvent event) {
        if (tryDeliver(receiver, event)) {
            return true;
        }
        synchronized (pendingLock) {
            if (tryDeliver(receiver, event)) {
                return true;
            }
            WaitingQueue queue = pending.get(receiver);
            if (queue.size() >= pendingLimit) {
                queue.dropOldest();
                metrics.pendingOverflow();
                long now = System.nanoTime();
                if (now - lastOverflowLog > 10_000_000_000L) {
                    lastOverflowLog = now;
                    log.warn("no {} client can take events: the waiting queue is full ({}); dropping the oldest",
                            receiver.wireName(), pendingLimit);
                }
            }
            queue.add(event);
            waiting.get(receiver).set(queue.size());
            return false;
        }
    }

    private boolean tryDeliver(ServiceType receiver, RoutedEvent event) {
        for (int attempt = 0; attempt < 4; attempt++) {
            Session target = chooseTarget(receiver, event);
            if (target == null) {
                return false;
            }
            if (target.deliver(event, true)) {
                return true;
            }
        }
        return false;
    }

    private Session chooseTarget(ServiceType receiver, RoutedEvent event) {
        EventType type = event.type();
        if (type == EventType.DISPATCH) {
            return leastLoaded(receiver, event.dispatchName());
        }
        if (type.mode() == DeliveryMode.GUILD) {
            if (receiver == ServiceType.SHARDER) {
                return event.shard() != Envelope.ABSENT
                        ? shards.ownerOfShard(event.shard())
                        : shards.ownerOfGuild(Snowflakes.parse(event.guildId()));
            }
            if (event.guildId() != null) {
                return audioOwners.ownerFor(Snowflakes.parse(event.guildId()), sessions.ofType(receiver));
            }
        }
        return leastLoaded(receiver, null);
    }

    /**
     * The connected session of the type with the fewest unacknowledged events, optionally only subscribers, among those
     * the flow policy lets take one. Ties go
     * round-robin: the scan starts one place further along the type's join-ordered list each time, so workers that
     * acknowledge quickly (all at load 0) still share the events evenly rather than the first one taking them all.
     */
    private Session leastLoaded(ServiceType type, String subscription) {
        List<Session> candidates = sessions.ofType(type);
        int n = candidates.size();
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(tieBreak.getAndIncrement(), n);
        Session best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            Session session;
            try {
                session = candidates.get((start + i) % n);
            } catch (IndexOutOfBoundsException shrunk) {
                break; // a session left while we scanned: the ones seen so far are enough
            }
            if (!session.isConnected() || (subscription != null && !session.subscribedTo(subscription))
                    || !flow.mayTakeOne(session)) {
                continue;
            }
            int load = session.unackedCount();
            if (load < bestLoad) {
                best = session;
                bestLoad = load;
            }
        }
        return best;
    }

    private boolean hasSubscriber(ServiceType type, String dispatchName) {
        for (Session session : sessions.ofType(type)) {
            if (session.subscribedTo(dispatchName)) {
                return true;
            }
        }
        return false;
    }

    private void routeReply(RoutedEvent reply) {
        String requesterId = nonces.take(reply.nonce());
        Session requester = requesterId == null ? null : sessions.get(requesterId);
        if (requester == null || !requester.deliver(reply, false)) {
            metrics.undeliverable();
            log.debug("REPLY with nonce {} has no waiting requester; dropped", reply.nonce());
        }
    }

    private int waitingCount() {
        synchronized (pendingLock) {
            return pending.values().stream().mapToInt(WaitingQueue::size).sum();
        }
    }
}
