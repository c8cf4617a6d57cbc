package dev.hubcord.hub.session;

import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.codec.Codecs;
import dev.hubcord.protocol.codec.FrameCompressor;
import dev.hubcord.protocol.codec.FrameDecompressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client WebSocket. Any thread may {@link #send} a payload; the payloads queue up and the
 * channel's own event loop compresses and writes them in order, flushing once per batch, so routing
 * never blocks and a busy receiver costs one flush per burst rather than one per event.
 *
 * <p>Writing stops while the channel is not writable (its outbound buffer is past the high water mark): the
 * payloads wait in this connection's backlog, bounded by {@link OutboundBounds} in count and bytes. Routing asks
 * {@link #hasRoom()} before it hands this connection an event it could give to someone else; any other payload
 * that finds the backlog full marks the client a slow consumer, and it is closed with 4011 (its session stays
 * resumable: every event is also in the session's replay buffer).
 */
public final class Connection {

    /** A payload replayed on RESUME: already bounded by the replay buffer, so it does not count against the backlog. */
    private record Replayed(byte[] payload) {}

    private final Channel channel;
    private final int maxPayloadBytes;
    private final OutboundBounds bounds;
    private final Queue<Object> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedPayloads = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    /** Set when {@link #hasRoom()} said no: the next drain below half the bounds runs {@link #onRoom}. */
    private volatile boolean refused;
    private volatile Runnable onRoom = () -> { };
    private volatile Runnable onOverflow = () -> { };

    // Event-loop confined.
    private Compression compression = Compression.NONE;
    private FrameCompressor compressor;
    private FrameDecompressor decompressor;
    /** How long a connection the hub closes waits for the client's close frame before closing the socket itself. */
    static final long LINGER_MS = 2_000;

    private volatile boolean closing;
    private volatile int clientCloseCode = -1;

    public Connection(Channel channel, int maxPayloadBytes, OutboundBounds bounds) {
        this.channel = channel;
        this.maxPayloadBytes = maxPayloadBytes;
        this.bounds = bounds;
    }

    public Channel channel() {
        return channel;
    }

    public String remoteAddress() {
        return String.valueOf(channel.remoteAddress());
    }

    /** What runs (on the event loop) when a backlog that refused events has drained to half its bounds. */
    public void onRoom(Runnable task) {
        this.onRoom = task;
    }

    /** What runs (on the event loop, once) when a payload found the backlog full: the slow-consumer close. */
    public void onOverflow(Runnable task) {
        this.onOverflow = task;
    }

    /**
     * Whether the backlog has room for an event routing could give to another client instead. A {@code false}
     * is remembered, so that routing is told (through {@link #onRoom}) when there is room again.
     */
    public boolean hasRoom() {
        if (closing) {
            return false;
        }
        if (queuedPayloads.get() < bounds.maxPayloads() && queuedBytes.get() < bounds.maxBytes()) {
            return true;
        }
        refused = true;
        bounds.heldBack().increment();
        return false;
    }

    /** Bytes queued and not yet written to the channel (replayed ones excluded). */
    public long backlogBytes() {
        return queuedBytes.get();
    }

    /**
     * Queues one payload for this connection. Safe from any thread; dropped once the connection closes. A payload
     * that finds the backlog at its bound is dropped too, and the connection is closed as a slow consumer.
     */
    public void send(byte[] payload) {
        if (closing || overflowed.get()) {
            return;
        }
        // check and add are two steps: concurrent senders may each pass the bound by one payload, no more
        if (queuedPayloads.get() >= bounds.maxPayloads() || queuedBytes.get() >= bounds.maxBytes()) {
            if (overflowed.compareAndSet(false, true)) {
                channel.eventLoop().execute(onOverflow);
            }
            return;
        }
        queuedPayloads.incrementAndGet();
        queuedBytes.addAndGet(payload.length);
        bounds.queuedPayloads().incrementAndGet();
        bounds.queuedBytes().addAndGet(payload.length);
        enqueue(payload);
    }

    /** Queues a payload replayed on RESUME, outside the backlog bound (the replay buffer bounds it). */
    public void sendReplayed(byte[] payload) {
        if (!closing) {
            enqueue(new Replayed(payload));
        }
    }

    private void enqueue(Object item) {
        outbound.offer(item);
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drainTask);
        }
    }

    /** The channel's writability changed: resume writing when it is writable again. Runs on the event loop. */
    public void writabilityChanged() {
        if (channel.isWritable() && !outbound.isEmpty()) {
            drain();
        }
    }

    private void drain() {
        drainScheduled.set(false);
        if (!channel.isActive()) {
            clear();
            return;
        }
        Object item;
        boolean wrote = false;
        while (channel.isWritable() && (item = outbound.poll()) != null) {
            channel.write(frame(taken(item)), channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
        if (refused && queuedPayloads.get() <= bounds.maxPayloads() / 2 && queuedBytes.get() <= bounds.maxBytes() / 2) {
            refused = false;
            onRoom.run();
        }
    }

    /** Writes everything queued, writable or not: for the goodbye before a shutdown close. */
    private void drainAll() {
        Object item;
        while ((item = outbound.poll()) != null) {
            channel.write(frame(taken(item)), channel.voidPromise());
        }
        channel.flush();
    }

    /** Takes an item off the backlog's books and returns its payload. */
    private byte[] taken(Object item) {
        if (item instanceof Replayed replayed) {
            return replayed.payload();
        }
        byte[] payload = (byte[]) item;
        queuedPayloads.decrementAndGet();
        queuedBytes.addAndGet(-payload.length);
        bounds.queuedPayloads().decrementAndGet();
        bounds.queuedBytes().addAndGet(-payload.length);
        return payload;
    }

    /** Drops the backlog: on close every event is still in the session's replay buffer (or was never numbered). */
    private void clear() {
        Object item;
        while ((item = outbound.poll()) != null) {
            taken(item);
        }
    }

    private Object frame(byte[] payload) {
        if (compressor == null) {
            return new TextWebSocketFrame(Unpooled.wrappedBuffer(payload));
        }
        ByteBuf compressed = compressor.compress(channel.alloc(), payload, 0, payload.length);
        return new BinaryWebSocketFrame(compressed);
    }

    /**
     * Switches to the negotiated compression. Must run on the event loop; what was queued before is
     * written uncompressed first, so the switch falls exactly between HELLO-era payloads and the first
     * payload that may be compressed.
     */
    public void startCompression(Compression newCompression) {
        assert channel.eventLoop().inEventLoop();
        drainAll();
        this.compression = newCompression;
        this.compressor = Codecs.compressor(newCompression);
        this.decompressor = Codecs.decompressor(newCompression, maxPayloadBytes);
    }

    public Compression compression() {
        return compression;
    }

    /** The decompressor for the client's binary frames, or {@code null} when none was negotiated. */
    public FrameDecompressor decompressor() {
        return decompressor;
    }

    /**
     * Sends a close frame with the code and reason, then closes once the client has answered it, or after
     * {@link #LINGER_MS} at the latest. Until then what the client still sends is read and discarded: closing a socket
     * with unread data makes the kernel reset the connection, and a reset can reach a client before it has read the
     * close frame (a flooding client closed with 4008 then saw only "connection reset"). Safe from any thread;
     * idempotent.
     */
    public void close(CloseCode code, String reason) {
        close(code.code(), reason);
    }

    public void close(int code, String reason) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> close(code, reason));
            return;
        }
        if (closing) {
            return;
        }
        closing = true;
        drain(); // what the socket takes now still goes out before the close frame
        clear(); // the rest is dropped: a resume replays it
        channel.config().setAutoRead(true); // a throttled client's backlog is drained (and discarded) too
        channel.writeAndFlush(new CloseWebSocketFrame(code, truncate(reason))).addListener(written -> {
            if (!written.isSuccess()) {
                channel.close();
                return;
            }
            channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, TimeUnit.MILLISECONDS);
        });
    }

    /**
     * Writes what is queued, then a close frame, but leaves closing the socket to the client's answer
     * (closing first while the client still sends makes the kernel reset the connection, and a reset
     * discards what the client had received and not yet read). Must run on the event loop.
     */
    public void goAway(CloseCode code, String reason) {
        if (closing) {
            return;
        }
        drainAll();
        closing = true;
        channel.writeAndFlush(new CloseWebSocketFrame(code.code(), truncate(reason)));
    }

    /** WebSocket close reasons are limited to 123 bytes of UTF-8; keep whole characters. */
    static String truncate(String reason) {
        byte[] utf8 = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= 120) {
            return reason;
        }
        int end = 120;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(utf8, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean isClosing() {
        return closing;
    }

    /** Records the code of the close frame the client sent. */
    public void clientClosed(int code) {
        this.clientCloseCode = code;
        this.closing = true;
    }

    /** The code of the client's close frame, or -1 when it sent none. */
    public int clientCloseCode() {
        return clientCloseCode;
    }

    /** Frees the compression contexts. Called on the event loop when the channel closes. */
    public void release() {
        closing = true;
        clear();
        if (compressor != null) {
            compressor.close();
            compressor = null;
        }
        if (decompressor != null) {
            decompressor.close();
            decompressor = null;
        }
    }
}
