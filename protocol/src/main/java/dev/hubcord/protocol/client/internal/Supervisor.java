package dev.hubcord.protocol.client.internal;

import static dev.hubcord.protocol.client.ConnectionState.CLOSED;
import static dev.hubcord.protocol.client.ConnectionState.CONNECTED;
import static dev.hubcord.protocol.client.ConnectionState.CONNECTING;
import static dev.hubcord.protocol.client.ConnectionState.DISCONNECTED;
import static dev.hubcord.protocol.client.ConnectionState.FAILED;
import static dev.hubcord.protocol.client.ConnectionState.IDENTIFYING;
import static dev.hubcord.protocol.client.ConnectionState.NEW;
import static dev.hubcord.protocol.client.ConnectionState.RESUMING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.DeliveryMode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.Payload;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.HubClientException.Kind;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.Identified;
import dev.hubcord.protocol.client.StateChange;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session that outlives connections: opens them, decides between IDENTIFY and RESUME, tracks the
 * last sequence number, routes events (REPLY to waiting requests, the rest to the dispatcher),
 * reconnects with backoff, and owns the {@link ConnectionState}. Everything here runs on the one
 * event loop, so the fields need no locks; the few read by other threads are volatile.
 */
final class Supervisor implements SessionCallbacks {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final HubClientOptions options;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Outbox outbox;
    private final Listeners listeners;
    private final Dispatcher dispatcher;
    private final PendingRequests requests;
    private final Backoff backoff;
    private final CompletableFuture<Identified> firstIdentified = new CompletableFuture<>();

    private volatile ConnectionState state = NEW;
    private volatile Identified identified;
    private volatile SessionAcks acks;

    private String sessionId;
    private long lastSeq;
    private long droppedAtNanos;
    private int attempt;
    /** Which of the options' hub URLs the next connection goes to: a random start spreads clients over the nodes. */
    private int uriIndex;
    private ConnectionHandler current;
    private ScheduledFuture<?> reconnectTask;

    Supervisor(HubClientOptions options, EventLoop loop, Bootstrap bootstrap, Outbox outbox, Listeners listeners,
            Dispatcher dispatcher, PendingRequests requests) {
        this.options = options;
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.outbox = outbox;
        this.listeners = listeners;
        this.dispatcher = dispatcher;
        this.requests = requests;
        this.backoff = new Backoff(options.reconnectBaseDelay(), options.reconnectMaxDelay());
        this.uriIndex = options.uris().size() == 1 ? 0 : ThreadLocalRandom.current().nextInt(options.uris().size());
    }

    /** The hub URL of the current (or next) connection. */
    URI target() {
        List<URI> uris = options.uris();
        return uris.get(uriIndex % uris.size());
    }

    ConnectionState state() {
        return state;
    }

    Identified identified() {
        return identified;
    }

    int unacknowledged() {
        SessionAcks current = acks;
        return current == null ? 0 : current.size();
    }

    CompletableFuture<Identified> firstIdentified() {
        return firstIdentified;
    }

    /** Starts the first connection (on the event loop). */
    void start() {
        loop.execute(() -> {
            if (state == NEW) {
                openConnection();
            }
        });
    }

    private void openConnection() {
        reconnectTask = null;
        if (state.isTerminal()) {
            return;
        }
        setState(CONNECTING, -1, "");
        ConnectionHandler handler = new ConnectionHandler(this, options.connectTimeout().toMillis());
        current = handler;
        URI target = target();
        bootstrap.clone()
                .handler(new ClientPipeline(options, target, handler))
                .connect(target.getHost(), ClientPipeline.port(target))
                .addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        if (state.isTerminal()) {
                            f.channel().close();
                        }
                    } else if (current == handler) {
                        // A channel that never became active gets no channelInactive: end it here.
                        current = null;
                        reconnectAfter(new HubClientException(Kind.CONNECTION_FAILED,
                                "cannot connect to " + target + ": " + f.cause().getMessage(), f.cause()),
                                -1, String.valueOf(f.cause().getMessage()));
                    }
                });
    }

    @Override
    public byte[] onHello(ConnectionHandler connection) {
        if (sessionId != null && !resumable()) {
            forgetSession();
        }
        if (sessionId != null) {
            setState(RESUMING, -1, "");
            return Handshake.resume(options, sessionId, lastSeq);
        }
        setState(IDENTIFYING, -1, "");
        lastSeq = 0;
        return Handshake.identify(options);
    }

    /** Whether the hub still keeps the session: it was dropped less than {@code resumeTimeout} ago. */
    private boolean resumable() {
        Identified info = identified;
        long timeout = info == null ? 0 : info.resumeTimeout();
        return timeout <= 0 || droppedAtNanos == 0 || System.nanoTime() - droppedAtNanos < TimeUnit.MILLISECONDS.toNanos(timeout);
    }

    @Override
    public void onEvent(ConnectionHandler connection, Payload event) {
        if (connection != current) {
            return;
        }
        String name = event.t();
        Long s = event.s();
        SessionAcks tracker = acks;
        if (s != null) {
            if (s <= lastSeq) {
                // Replayed after a resume but already received: skip it; if it was handled, its ACK may
                // have been lost with the old connection, so send it again.
                if (tracker != null && needsAck(name) && !tracker.isInFlight(s)) {
                    outbox.ack(tracker.session(), s);
                }
                return;
            }
            lastSeq = s;
        }
        JsonNode d = event.d();
        if ("IDENTIFIED".equals(name)) {
            Identified info = Handshake.identified(d, options.type());
            identified = info;
            sessionId = info.session();
            tracker = new SessionAcks(info.session(), outbox);
            acks = tracker;
            sessionUp(connection, d);
            if (!firstIdentified.isDone()) {
                PendingRequests.completeAsync(firstIdentified, info, null);
            }
        } else if ("RESUMED".equals(name)) {
            sessionUp(connection, d);
        } else if ("REPLY".equals(name) && requests.complete(textOrNull(d.get("nonce")), d)) {
            return;
        }
        boolean ack = tracker != null && s != null && needsAck(name);
        if (ack) {
            tracker.received(s);
        }
        if (dispatcher.dispatch(new DeliveredEvent(name, s == null ? 0 : s, d, ack ? tracker : null))) {
            // the listeners are behind by a full dispatch queue: read nothing more until they have caught up
            Channel channel = connection.channel();
            channel.config().setAutoRead(false);
            dispatcher.resumeWhenDrained(() -> channel.eventLoop().execute(() -> channel.config().setAutoRead(true)));
        }
    }

    private void sessionUp(ConnectionHandler connection, JsonNode d) {
        outbox.open(connection.channel(), sessionId, published(d));
        attempt = 0;
        droppedAtNanos = 0;
        setState(CONNECTED, -1, "");
    }

    /**
     * The {@code published} of IDENTIFIED or RESUMED: the last client sequence number the hub took for
     * the session. A hub that does not confirm publishes sends none; that is said once per session.
     */
    private long published(JsonNode d) {
        if (!options.publishAcks()) {
            return Outbox.NOT_CONFIRMING;
        }
        JsonNode published = d.get("published");
        if (published != null && published.canConvertToLong() && published.longValue() >= 0) {
            return published.longValue();
        }
        log.warn("the hub did not confirm publisher acknowledgements for session {}: payloads written as a "
                + "connection drops may be lost", sessionId);
        return Outbox.NOT_CONFIRMING;
    }

    @Override
    public void onWritable(ConnectionHandler connection) {
        outbox.writable(connection.channel());
    }

    @Override
    public void onPublishAck(ConnectionHandler connection, long ps) {
        if (connection == current && ps >= 0) {
            outbox.confirm(ps);
        }
    }

    /** Events delivered to one client and acknowledged: {@code one}, {@code guild}, {@code DISPATCH}, and unknown names. */
    static boolean needsAck(String name) {
        EventType type = EventType.byName(name);
        return type == null || type.mode() != DeliveryMode.DIRECT && type.mode() != DeliveryMode.HUB;
    }

    @Override
    public byte[] heartbeat() {
        Map<String, ?> statistics = Map.of();
        try {
            statistics = options.statistics().get();
        } catch (RuntimeException e) {
            onError(new HubClientException(Kind.LISTENER_FAILED, "statistics supplier failed", e));
        }
        return Handshake.heartbeat(statistics);
    }

    @Override
    public void onError(HubClientException error) {
        listeners.error(error);
    }

    @Override
    public void onClosed(ConnectionHandler connection, Disconnect disconnect) {
        if (connection != current) {
            return;
        }
        current = null;
        outbox.detach();
        if (sessionId != null && droppedAtNanos == 0) {
            droppedAtNanos = System.nanoTime();
        }
        if (state.isTerminal()) {
            return;
        }
        int code = disconnect.closeCode();
        if (code == CloseCode.AUTHENTICATION_FAILED.code()) {
            HubClientException error = new HubClientException(Kind.AUTHENTICATION_FAILED,
                    "the hub refused the secret: " + disconnect.reason(), code, null);
            onError(error);
            setState(FAILED, code, disconnect.reason());
            PendingRequests.completeAsync(firstIdentified, null, error);
            requests.failAll(error);
            return;
        }
        if (code == CloseCode.INVALID_SESSION.code()) {
            forgetSession();
            attempt = 0;
            reconnectAfter(new HubClientException(Kind.SESSION_INVALIDATED,
                    "session cannot be resumed, identifying afresh: " + disconnect.reason(), code, null),
                    code, disconnect.reason());
            return;
        }
        Kind kind = disconnect.established() ? Kind.CONNECTION_LOST : Kind.CONNECTION_FAILED;
        reconnectAfter(disconnect.reported() ? null
                : new HubClientException(kind, "connection to " + target() + " ended: " + disconnect.reason(),
                        code, disconnect.cause()), code, disconnect.reason());
    }

    private void reconnectAfter(HubClientException error, int code, String reason) {
        if (error != null) {
            onError(error);
        }
        setState(DISCONNECTED, code, reason);
        // With several hub nodes, every failure moves on to the next one, and the backoff grows only once per
        // round of all of them: a dead node costs one short delay, not a growing wait on the same address.
        int nodes = options.uris().size();
        uriIndex = (uriIndex + 1) % nodes;
        Duration delay = backoff.delay(attempt++ / nodes);
        reconnectTask = loop.schedule(this::openConnection, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The session is gone for good: IDENTIFY next time, drop the ACKs owed to it. */
    private void forgetSession() {
        sessionId = null;
        lastSeq = 0;
        acks = null;
        identified = null;
        droppedAtNanos = 0;
        outbox.discardSession();
    }

    /**
     * Moves to CLOSED and closes the connection with 1000 (on the event loop).
     *
     * @return the channel's close future, or {@code null} when there was no connection
     */
    ChannelFuture closeSession() {
        setState(CLOSED, CloseCode.NORMAL.code(), "client closed");
        if (reconnectTask != null) {
            reconnectTask.cancel(false);
        }
        ConnectionHandler connection = current;
        current = null;
        if (connection == null) {
            return null;
        }
        connection.closeWith(CloseCode.NORMAL.code(), "client closed");
        return connection.channel().closeFuture();
    }

    private void setState(ConnectionState next, int code, String reason) {
        ConnectionState previous = state;
        if (previous == next || previous.isTerminal() && next != CLOSED || previous == CLOSED) {
            return;
        }
        state = next;
        listeners.stateChanged(new StateChange(previous, next, code, reason));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
