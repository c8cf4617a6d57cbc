package dev.hubcord.bench;

import dev.hubcord.protocol.codec.ZstdStreamDecompressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark client: a sharder that sends EXECUTE_COMMAND, or a commands worker that records
 * each event's latency and acknowledges it at once. ACKs are written as events are read and flushed
 * once per read batch, as a real worker on Netty would.
 */
final class LoadConnection extends SimpleChannelInboundHandler<WebSocketFrame> {

    enum Role { SHARDER, COMMANDS }

    private static final byte[] S_FIELD = "\"s\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TS_FIELD = "\"ts\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REDELIVERED = "\"redelivered\"".getBytes(StandardCharsets.US_ASCII);

    private static final long HEARTBEAT_SECONDS = 10;

    private final Role role;
    private final String secret;
    private final boolean zstd;
    private final LoadStats stats;
    final CompletableFuture<Channel> identified = new CompletableFuture<>();
    private ZstdStreamDecompressor decompressor;
    private boolean wroteAck;
    private long commandCounter;

    LoadConnection(Role role, String secret, boolean zstd, LoadStats stats) {
        this.role = role;
        this.secret = secret;
        this.zstd = zstd;
        this.stats = stats;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            String type = role == Role.SHARDER ? "sharder" : "commands";
            ctx.writeAndFlush(new TextWebSocketFrame("{\"op\":0,\"d\":{\"type\":\"" + type + "\",\"secret\":\"" + secret
                    + "\",\"name\":\"bench-" + type + "\",\"compress\":" + zstd + "}}"));
            if (zstd) {
                decompressor = new ZstdStreamDecompressor(8 << 20);
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        byte[] payload;
        if (frame instanceof BinaryWebSocketFrame) {
            payload = decompressor.decompress(frame.content());
        } else if (frame instanceof TextWebSocketFrame) {
            payload = ByteBufUtil.getBytes(frame.content());
        } else {
            return;
        }
        if (!identified.isDone()) {
            if (contains(payload, "IDENTIFIED".getBytes(StandardCharsets.US_ASCII), 0)) {
                identified.complete(ctx.channel());
                // the hub closes a session silent for twice its 30 s heartbeat interval: a soak outlives that
                ctx.executor().scheduleAtFixedRate(() -> {
                    if (ctx.channel().isActive()) {
                        ctx.writeAndFlush(new TextWebSocketFrame("{\"op\":1,\"d\":null}"), ctx.voidPromise());
                    }
                }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
            }
            return;
        }
        if (role == Role.COMMANDS && payload.length > 10 && payload[6] == '2') {
            long now = System.nanoTime();
            long s = numberAfter(payload, S_FIELD, 0);
            long ts = numberAfter(payload, TS_FIELD, 0);
            stats.received.increment();
            if (ts > 0) {
                stats.recordLatency(now - ts);
            }
            if (contains(payload, REDELIVERED, 0)) {
                stats.redelivered.increment();
            }
            ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(
                    ("{\"op\":7,\"d\":{\"s\":" + s + "}}").getBytes(StandardCharsets.US_ASCII))), ctx.voidPromise());
            stats.acked.increment();
            wroteAck = true;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (wroteAck) {
            wroteAck = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    /** Writes {@code n} EXECUTE_COMMAND events (sharders only) and flushes once. Call on the channel's loop. */
    void sendCommands(Channel channel, int n) {
        for (int i = 0; i < n; i++) {
            long id = ++commandCounter;
            byte[] bytes = ("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"d\":{\"command\":\"ping\",\"raw\":\"bench " + id
                    + "\",\"ids\":{\"message\":\"" + (1_000_000_000L + id) + "\",\"author\":\"155112606661607425\","
                    + "\"channel\":\"254770965018443776\",\"guild\":\"254768930223161344\",\"shard\":0},\"ts\":"
                    + System.nanoTime() + "}}").getBytes(StandardCharsets.US_ASCII);
            ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            channel.write(new TextWebSocketFrame(buf), channel.voidPromise());
        }
        stats.sent.add(n);
        channel.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        identified.completeExceptionally(cause);
        System.err.println("bench connection failed: " + cause);
        ctx.close();
    }

    private static long numberAfter(byte[] b, byte[] field, int from) {
        int i = indexOf(b, field, from);
        if (i < 0) {
            return -1;
        }
        long n = 0;
        for (int j = i + field.length; j < b.length && b[j] >= '0' && b[j] <= '9'; j++) {
            n = n * 10 + (b[j] - '0');
        }
        return n;
    }

    private static boolean contains(byte[] b, byte[] needle, int from) {
        return indexOf(b, needle, from) >= 0;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
