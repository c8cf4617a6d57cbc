package dev.hubcord.discordsim.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One websocket connection to the gateway. All writes go through the channel's event loop in submission order
 * (never written inline), so dispatches leave in {@code s} order and the compression context is used by one thread.
 * Fields without {@code volatile} are confined to the event loop.
 */
public final class GatewayConnection {

    private final long id;
    private final Channel channel;
    private final TransportCompression compression;
    private final boolean viaResumeUrl;
    private final int recordLimit;
    private final List<GatewayRecords.Received> received = new ArrayList<>();
    private final ArrayDeque<Long> sendTimes = new ArrayDeque<>();

    private volatile Session session;
    private boolean authenticated;
    private boolean closing;
    private long lastHeartbeatNanos = System.nanoTime();
    private volatile int clientCloseCode = -1;
    private volatile int serverCloseCode = -1;
    private volatile boolean open = true;
    private volatile int shardId = -1;

    GatewayConnection(long id, Channel channel, TransportCompression compression, boolean viaResumeUrl,
            int recordLimit) {
        this.id = id;
        this.channel = channel;
        this.compression = compression;
        this.viaResumeUrl = viaResumeUrl;
        this.recordLimit = recordLimit;
    }

    public long id() {
        return id;
    }

    /** Queues one payload; it is compressed and written on the event loop after everything queued before it. */
    public void send(String json) {
        channel.eventLoop().execute(() -> write(json));
    }

    private void write(String json) {
        if (closing || !channel.isActive()) {
            return;
        }
        for (TransportCompression.Message m : compression.encode(json.getBytes(StandardCharsets.UTF_8))) {
            channel.write(m.binary()
                    ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(m.bytes()))
                    : new TextWebSocketFrame(Unpooled.wrappedBuffer(m.bytes())));
        }
        channel.flush();
    }

    /** Closes with a websocket close frame carrying {@code code} and Discord's reason text. */
    public void close(int code) {
        channel.eventLoop().execute(() -> {
            if (closing || !channel.isActive()) {
                return;
            }
            closing = true;
            serverCloseCode = code;
            channel.writeAndFlush(new CloseWebSocketFrame(code, CloseCode.reasonFor(code)))
                    .addListener(ChannelFutureListener.CLOSE);
        });
    }

    /** Drops the TCP connection without a close frame, like a network failure. */
    public void drop() {
        channel.eventLoop().execute(() -> {
            closing = true;
            channel.close();
        });
    }

    void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    void schedule(Runnable task, long delayMs) {
        channel.eventLoop().schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    }

    boolean closing() {
        return closing || !channel.isActive();
    }

    // ---- written on the event loop only ----

    /** The session this connection identified or resumed, or null; readable from any thread. */
    public Session session() {
        return session;
    }

    boolean authenticated() {
        return authenticated;
    }

    void authenticate(Session s) {
        this.session = s;
        this.authenticated = true;
        this.shardId = s.shardId();
    }

    /** Back to "identify or resume expected" (after op 9), keeping the connection open. */
    void deauthenticate() {
        this.session = null;
        this.authenticated = false;
    }

    /** Records one send and reports whether the client is still within {@code limit} per {@code windowMs}. */
    boolean withinSendLimit(int limit, long windowMs) {
        long now = System.nanoTime();
        sendTimes.addLast(now);
        while (!sendTimes.isEmpty() && now - sendTimes.peekFirst() >= windowMs * 1_000_000L) {
            sendTimes.removeFirst();
        }
        return sendTimes.size() <= limit;
    }

    void heartbeatSeen() {
        lastHeartbeatNanos = System.nanoTime();
    }

    long lastHeartbeatNanos() {
        return lastHeartbeatNanos;
    }

    public void closedByClientCode(int code) {
        clientCloseCode = code;
    }

    int clientCloseCode() {
        return clientCloseCode;
    }

    void markClosed() {
        open = false;
        compression.close();
    }

    // ---- records, read from any thread ----

    void record(int op, String json) {
        synchronized (received) {
            if (received.size() >= recordLimit) {
                received.removeFirst();
            }
            received.add(new GatewayRecords.Received(id, shardId, System.currentTimeMillis(), op, json));
        }
    }

    public List<GatewayRecords.Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int shardId() {
        return shardId;
    }

    public boolean open() {
        return open;
    }

    public GatewayRecords.ConnectionInfo info() {
        Session s = session;
        return new GatewayRecords.ConnectionInfo(id, s == null ? null : s.id(), shardId,
                s == null ? 0 : s.numShards(), compression.name(), viaResumeUrl, open, clientCloseCode,
                serverCloseCode);
    }
}
