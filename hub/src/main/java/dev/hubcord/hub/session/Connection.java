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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client WebSocket. Any thread may {@link #send} a payload; the payloads queue up and the
 * channel's own event loop compresses and writes them in order, flushing once per batch, so routing
 * never blocks and a busy receiver costs one flush per burst rather than one per event.
 */
public final class Connection {

    private final Channel channel;
    private final int maxPayloadBytes;
    private final Queue<byte[]> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;

    // Event-loop confined.
    private Compression compression = Compression.NONE;
    private FrameCompressor compressor;
    private FrameDecompressor decompressor;
    /** How long a connection the hub closes waits for the client's close frame before closing the socket itself. */
    static final long LINGER_MS = 2_000;

    private volatile boolean closing;
    private volatile int clientCloseCode = -1;

    public Connection(Channel channel, int maxPayloadBytes) {
        this.channel = channel;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public Channel channel() {
        return channel;
    }

    public String remoteAddress() {
        return String.valueOf(channel.remoteAddress());
    }

    /** Queues one payload for this connection. Safe from any thread; dropped once the connection closes. */
    public void send(byte[] payload) {
        if (closing) {
            return;
        }
        outbound.offer(payload);
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(drainTask);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        if (!channel.isActive()) {
            outbound.clear();
            return;
        }
        byte[] payload;
        boolean wrote = false;
        while ((payload = outbound.poll()) != null) {
            channel.write(frame(payload), channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
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
        drain();
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
        drain();
        closing = true;
        channel.config().setAutoRead(true); // a throttled client's backlog is drained (and discarded) too
        channel.writeAndFlush(new CloseWebSocketFrame(code, truncate(reason))).addListener(written -> {
            if (!written.isSuccess()) {
                channel.close();
                return;
            }
            channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
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
        drain();
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
        outbound.clear();
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
