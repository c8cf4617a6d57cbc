package dev.hubcord.hub.session;

import dev.hubcord.protocol.ServiceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A client's session: it outlives a dropped connection for the resume timeout. Every event sent to
 * it gets the next sequence number and a place in the replay buffer; events of the {@code one} and
 * {@code guild} modes are also tracked until the client acknowledges them, so that they can be
 * delivered again elsewhere if the session ends. All state is guarded by the session's monitor;
 * payloads are queued on the connection while holding it, which keeps them in sequence order.
 */
public final class Session {

    private final String id;
    private final ServiceType type;
    private final String name;
    private final Instant startTime = Instant.now();
    private final Set<String> subscriptions;
    private final ReplayBuffer replay;
    private final Map<Long, RoutedEvent> unacked = new LinkedHashMap<>();
    private final AtomicInteger unackedCount = new AtomicInteger();
    private final long joinOrder;
    private final PublishLedger publisher = new PublishLedger();

    private final int maxUnacked;

    private long lastSeq;
    /** Written under the monitor; volatile so that routing can look at its backlog without locking. */
    private volatile Connection connection;
    private boolean ended;
    /** Mirrors {@code connection != null && !ended} for lock-free reads on the routing path. */
    private volatile boolean connected;
    private volatile HeartbeatStats stats = HeartbeatStats.NONE;
    /** Set by routing when an event this session sent had to wait for a receiver; read and cleared per read batch. */
    private volatile boolean parkedEvents;
    /** Set by the flow policy when it passed this session over for a full window; cleared when it has room again. */
    private volatile boolean windowFull;

    public Session(String id, ServiceType type, String name, Set<String> subscriptions, int replayCapacity,
            long joinOrder) {
        this(id, type, name, subscriptions, replayCapacity, Long.MAX_VALUE, joinOrder, Integer.MAX_VALUE);
    }

    /**
     * @param replayBytes the replay buffer's bound in bytes, beside {@code replayCapacity} payloads
     * @param maxUnacked the window: no more {@code one} events while this many are unacknowledged
     */
    public Session(String id, ServiceType type, String name, Set<String> subscriptions, int replayCapacity,
            long replayBytes, long joinOrder, int maxUnacked) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.subscriptions = Set.copyOf(subscriptions);
        this.replay = new ReplayBuffer(replayCapacity, replayBytes);
        this.joinOrder = joinOrder;
        this.maxUnacked = maxUnacked;
    }

    /**
     * Numbers the event, keeps it for resume, tracks it for ACK when asked to, and queues it on the
     * connection if there is one.
     *
     * @return {@code false} when the session has ended, or for an event to track when its connection's backlog is
     *     full (the caller routes the event elsewhere or lets it wait)
     */
    public synchronized boolean deliver(RoutedEvent event, boolean trackAck) {
        if (ended || (trackAck && connection != null && !connection.hasRoom())) {
            return false;
        }
        long seq = ++lastSeq;
        byte[] payload = event.encode(seq);
        replay.add(seq, payload);
        if (trackAck) {
            unacked.put(seq, event);
            unackedCount.incrementAndGet();
        }
        if (connection != null) {
            connection.send(payload);
        }
        return true;
    }

    /**
     * Handles op 7 for {@code seq}: the event is done, and everything up to it was received.
     *
     * @return whether {@code seq} was an event awaiting acknowledgement
     */
    public synchronized boolean ack(long seq) {
        if (seq > lastSeq) {
            return false;
        }
        replay.trimThrough(seq);
        if (unacked.remove(seq) != null) {
            unackedCount.decrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * Attaches a new connection for RESUME: queues every event after {@code seq} on it, then the event
     * built by {@code resumed} from the replay count, all before any newer event.
     */
    public synchronized ResumeOutcome resume(Connection newConnection, long seq, IntFunction<RoutedEvent> resumed) {
        if (ended) {
            return new ResumeOutcome.Refused("session has ended");
        }
        List<byte[]> replayed = replay.after(seq);
        if (replayed == null) {
            return new ResumeOutcome.Refused(seq > lastSeq
                    ? "seq " + seq + " is ahead of the session (" + lastSeq + ")"
                    : "seq " + seq + " is older than the replay buffer reaches");
        }
        Connection previous = connection;
        connection = newConnection;
        connected = true;
        for (byte[] payload : replayed) {
            newConnection.sendReplayed(payload);
        }
        deliver(resumed.apply(replayed.size()), false);
        return new ResumeOutcome.Resumed(replayed.size(), previous);
    }

    /** Attaches the first connection, right after IDENTIFY. */
    public synchronized void attach(Connection newConnection) {
        connection = newConnection;
        connected = !ended;
    }

    /** Detaches {@code old} if it is still the current connection; events then wait for a resume. */
    public synchronized boolean detach(Connection old) {
        if (connection == old) {
            connection = null;
            connected = false;
            return true;
        }
        return false;
    }

    /** Ends the session for good and returns the events it never acknowledged, oldest first. */
    public synchronized List<RoutedEvent> end() {
        if (ended) {
            return List.of();
        }
        ended = true;
        connection = null;
        connected = false;
        List<RoutedEvent> pending = new ArrayList<>(unacked.values());
        unacked.clear();
        unackedCount.set(0);
        return pending;
    }

    /** Whether the session has a connection now; read without locking. */
    public boolean isConnected() {
        return connected;
    }

    public synchronized Connection connection() {
        return connection;
    }

    public synchronized boolean isEnded() {
        return ended;
    }

    /** The window of unacknowledged events this session may hold. */
    public int maxUnacked() {
        return maxUnacked;
    }

    /** Whether the current connection's outbound backlog has room (true while disconnected: events wait in replay). */
    public boolean outboundHasRoom() {
        Connection current = connection;
        return current == null || current.hasRoom();
    }

    /** Marks (or clears) that routing passed this session over because its window was full. */
    public void windowFull(boolean full) {
        if (windowFull != full) {
            windowFull = full;
        }
    }

    public boolean windowFull() {
        return windowFull;
    }

    /** Notes that an event this session sent is waiting for a receiver (routing is saturated for it). */
    public void parkedEvent() {
        parkedEvents = true;
    }

    /** Whether an event this session sent had to wait since the last call; clears the mark. */
    public boolean takeParked() {
        if (!parkedEvents) {
            return false;
        }
        parkedEvents = false;
        return true;
    }

    /** Unacknowledged events: the load figure for {@code one} delivery. Read without locking. */
    public int unackedCount() {
        return unackedCount.get();
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public String id() {
        return id;
    }

    public ServiceType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public Instant startTime() {
        return startTime;
    }

    /** What this session has published with publisher acknowledgements. */
    public PublishLedger publisher() {
        return publisher;
    }

    public long joinOrder() {
        return joinOrder;
    }

    public boolean subscribedTo(String dispatchName) {
        return subscriptions.contains(dispatchName);
    }

    public HeartbeatStats stats() {
        return stats;
    }

    public void stats(HeartbeatStats stats) {
        this.stats = stats;
    }

    @Override
    public String toString() {
        return type.wireName() + " " + name + " (" + id + ")";
    }
}
