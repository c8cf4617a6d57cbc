package dev.hubcord.protocol.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.Opcode;
import dev.hubcord.protocol.Payload;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.ConnectionListener;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.ErrorListener;
import dev.hubcord.protocol.client.EventListener;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.HubClientException.Kind;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.Identified;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.PayloadCodec;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HubClient}: checks and encodes what the application sends on the caller's thread, hands
 * it to the {@link Outbox}, and leaves connections and the session to the {@link Supervisor} on a
 * one-thread NIO event loop of its own.
 */
public final class DefaultHubClient implements HubClient {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultHubClient.class);
    private static final long CLOSE_WAIT_MILLIS = 3_000;

    private final HubClientOptions options;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Outbox outbox;
    private final Listeners listeners = new Listeners();
    private final Dispatcher dispatcher;
    private final PendingRequests requests;
    private final Supervisor supervisor;
    private final AtomicBoolean connectCalled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public DefaultHubClient(HubClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("hub-client-io", true),
                NioIoHandler.newFactory());
        this.loop = group.next();
        this.outbox = new Outbox(options.sendBufferCapacity(), options.sendBufferBytes(), options.publishAcks());
        this.dispatcher = new Dispatcher(options.dispatchExecutor(), listeners, options.ackMode(),
                options.dispatchCapacity());
        this.requests = new PendingRequests(loop);
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                // the channel's own buffer stays within 1 MiB: past it sends wait in the bounded outbox (Outbox)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        options.connectTimeout().toMillis()));
        this.supervisor = new Supervisor(options, loop, bootstrap, outbox, listeners, dispatcher, requests);
    }

    @Override
    public CompletableFuture<Identified> connect() {
        if (!closed.get() && connectCalled.compareAndSet(false, true)) {
            supervisor.start();
        }
        return supervisor.firstIdentified();
    }

    @Override
    public boolean send(String event, Object data) {
        checkMaySend(event);
        return enqueue(PayloadCodec.encode(Payload.event(event, PayloadCodec.toTree(data))), event);
    }

    @Override
    public boolean sendCache(Object entity) {
        var tree = PayloadCodec.toTree(entity);
        if (options.type() == ServiceType.COMMANDS) {
            // The hub accepts member and user upserts from commands workers (cache-miss fills) and closes with
            // 4003 for anything else: refuse it here rather than lose the connection.
            String type = tree.path("type").asText("");
            if (!(type.equals("member") || type.equals("user")) || tree.path("delete").asBoolean(false)) {
                throw new HubClientException(Kind.INVALID_ARGUMENT,
                        "commands workers send only member and user upserts as CACHE payloads, not " + tree);
            }
        } else if (options.type() != ServiceType.SHARDER) {
            throw new HubClientException(Kind.INVALID_ARGUMENT,
                    "only sharders (and commands workers, member/user upserts) send CACHE payloads");
        }
        return enqueue(PayloadCodec.encode(Payload.of(Opcode.CACHE, tree)), "CACHE");
    }

    @Override
    public CompletableFuture<JsonNode> request(String event, ObjectNode data, Duration timeout) {
        checkMaySend(event);
        Objects.requireNonNull(timeout, "timeout");
        if (!EventType.byName(event).mayBeRequest()) {
            throw new HubClientException(Kind.INVALID_ARGUMENT, event + " is not a request event: nobody would answer");
        }
        ObjectNode d = data == null ? PayloadCodec.object() : data.deepCopy();
        String nonce = UUID.randomUUID().toString();
        d.put("nonce", nonce);
        byte[] payload = PayloadCodec.encode(Payload.event(event, d));
        checkSize(payload, event);
        if (closed.get()) {
            return CompletableFuture.failedFuture(new HubClientException(Kind.CLOSED, "client is closed"));
        }
        CompletableFuture<JsonNode> reply = requests.register(nonce, timeout);
        if (!enqueue(payload, event)) {
            requests.fail(nonce, new HubClientException(closed.get() ? Kind.CLOSED : Kind.BUFFER_FULL,
                    "request " + event + " not sent"));
        }
        return reply;
    }

    @Override
    public boolean reply(IncomingEvent request, Object data) {
        String nonce = request.nonce();
        if (nonce == null) {
            throw new HubClientException(Kind.INVALID_ARGUMENT, request + " has no nonce: it is not a request");
        }
        JsonNode tree = data == null ? PayloadCodec.object() : PayloadCodec.toTree(data);
        if (!(tree instanceof ObjectNode object)) {
            throw new HubClientException(Kind.INVALID_ARGUMENT, "reply data must serialise to a JSON object");
        }
        ObjectNode d = object.deepCopy();
        d.put("nonce", nonce);
        return send("REPLY", d);
    }

    private void checkMaySend(String event) {
        EventType type = EventType.byName(event);
        if (type == null) {
            throw new HubClientException(Kind.INVALID_ARGUMENT, "unknown event " + event);
        }
        if (!type.maySend(options.type())) {
            throw new HubClientException(Kind.INVALID_ARGUMENT,
                    options.type().wireName() + " clients may not send " + event);
        }
    }

    private void checkSize(byte[] payload, String what) {
        if (payload.length > options.maxPayloadBytes()) {
            throw new HubClientException(Kind.INVALID_ARGUMENT, what + " payload of " + payload.length
                    + " bytes is over the limit of " + options.maxPayloadBytes());
        }
    }

    private boolean enqueue(byte[] payload, String what) {
        checkSize(payload, what);
        if (closed.get()) {
            return false;
        }
        if (outbox.offer(payload)) {
            return true;
        }
        listeners.error(new HubClientException(Kind.BUFFER_FULL, what + " refused: " + outbox.held()
                + " payloads (" + outbox.heldBytes() + " bytes) are already held for the hub"));
        return false;
    }

    @Override
    public void addEventListener(EventListener listener) {
        listeners.addEvent(null, listener);
    }

    @Override
    public void addEventListener(String eventName, EventListener listener) {
        listeners.addEvent(Objects.requireNonNull(eventName, "eventName"), listener);
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        listeners.addConnection(listener);
    }

    @Override
    public void addErrorListener(ErrorListener listener) {
        listeners.addError(listener);
    }

    /** The hub URL this client is connected to, or will try next (tests and diagnostics). */
    java.net.URI target() {
        return supervisor.target();
    }

    @Override
    public ConnectionState state() {
        return supervisor.state();
    }

    @Override
    public Optional<Identified> identified() {
        return Optional.ofNullable(supervisor.identified());
    }

    @Override
    public int unacknowledged() {
        return supervisor.unacknowledged();
    }

    @Override
    public int queued() {
        return outbox.queued();
    }

    @Override
    public int unconfirmed() {
        return outbox.held();
    }

    @Override
    public long unconfirmedBytes() {
        return outbox.heldBytes();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean onLoop = loop.inEventLoop();
        CompletableFuture<ChannelFuture> closing = new CompletableFuture<>();
        loop.execute(() -> closing.complete(supervisor.closeSession()));
        if (!onLoop) {
            try {
                ChannelFuture channelClosed = closing.get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (channelClosed != null) {
                    channelClosed.await(CLOSE_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // Closing goes on: the event loop shutdown below ends the connection anyway.
            }
        }
        HubClientException closedError = new HubClientException(Kind.CLOSED, "client closed");
        requests.failAll(closedError);
        PendingRequests.completeAsync(supervisor.firstIdentified(), null, closedError);
        int dropped = outbox.clear();
        if (dropped > 0) {
            LOG.warn("closed with {} payloads the hub had not taken: they are dropped", dropped);
        }
        dispatcher.shutdown();
        listeners.shutdown();
        var shutdown = group.shutdownGracefully(0, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (!onLoop) {
            shutdown.awaitUninterruptibly(CLOSE_WAIT_MILLIS + 1_000);
        }
    }

    /** Events handed to the listeners and not yet handled (for tests of the dispatch bound). */
    int dispatchWaiting() {
        return dispatcher.waiting();
    }
}
