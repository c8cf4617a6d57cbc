package dev.hubcord.audio.voice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.codec.Json;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLException;

/**
 * One voice gateway WebSocket on Netty. Reads text frames as JSON ({@code op}, {@code d}, {@code seq}) and binary
 * frames as {@code u16 seq | u8 op | payload}; reports the close code from the close frame, or 1006 when the
 * connection drops without one. Everything runs on the event loop it was opened on.
 */
final class VoiceSocket {

    /** Receives what the socket reads; {@code seq} is -1 when a message has none. */
    interface Listener {
        void json(int op, JsonNode d, long seq);

        void binary(int op, ByteBuffer payload, long seq);

        void closed(int code, String reason, boolean byRemote);
    }

    private static final int MAX_FRAME = 1 << 20;
    private static volatile SslContext ssl;

    private final Channel channel;

    private VoiceSocket(Channel channel) {
        this.channel = channel;
    }

    /** Connects to {@code (ws|wss)://endpoint/?v=8}; failures arrive as {@link Listener#closed} with 1006. */
    static VoiceSocket open(EventLoop loop, String endpoint, boolean tls, Listener listener) {
        URI uri = URI.create((tls ? "wss://" : "ws://") + endpoint + "/?v=8");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                .handleCloseFrames(false).maxFramePayloadLength(MAX_FRAME).build();
        Handler handler = new Handler(listener);
        ChannelFuture f = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) throws SSLException {
                        if (tls) {
                            c.pipeline().addLast(sslContext().newHandler(c.alloc(), uri.getHost(), port));
                        }
                        c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketClientProtocolHandler(ws), new WebSocketFrameAggregator(MAX_FRAME),
                                handler);
                    }
                }).connect(uri.getHost(), port);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                handler.report(1006, "connect failed: " + done.cause(), false);
            }
        });
        return new VoiceSocket(f.channel());
    }

    private static SslContext sslContext() throws SSLException {
        SslContext c = ssl;
        if (c == null) {
            c = SslContextBuilder.forClient().build();
            ssl = c;
        }
        return c;
    }

    ChannelFuture sendJson(int op, JsonNode d) {
        String json = "{\"op\":" + op + ",\"d\":" + d + "}";
        return channel.writeAndFlush(new TextWebSocketFrame(json));
    }

    void sendBinary(int op, byte[] payload) {
        ByteBuf buf = Unpooled.buffer(1 + payload.length).writeByte(op).writeBytes(payload);
        channel.writeAndFlush(new BinaryWebSocketFrame(buf));
    }

    /** Closes with {@code code}; the listener then hears nothing more from this socket. */
    void close(int code) {
        channel.pipeline().get(Handler.class).silence();
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, "")).addListener(x -> channel.close());
        } else {
            channel.close();
        }
    }

    /** Drops the connection as lost (heartbeat timeout): reported as 1006, not by the remote. */
    void abort(String why) {
        channel.pipeline().get(Handler.class).report(1006, why, false);
        channel.close();
    }

    private static final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final Listener listener;
        private boolean reported;

        Handler(Listener listener) {
            this.listener = listener;
        }

        void silence() {
            reported = true;
        }

        void report(int code, String reason, boolean byRemote) {
            if (!reported) {
                reported = true;
                listener.closed(code, reason, byRemote);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) throws IOException {
            if (reported) {
                return;
            }
            switch (frame) {
                case TextWebSocketFrame text -> {
                    JsonNode msg = Json.mapper().readTree(text.text());
                    JsonNode seq = msg.get("seq");
                    listener.json(msg.path("op").asInt(-1), msg.path("d"), seq != null && seq.isNumber() ? seq.asLong() : -1);
                }
                case BinaryWebSocketFrame bin -> {
                    ByteBuf b = bin.content();
                    if (b.readableBytes() >= 3) {
                        int seq = b.readUnsignedShort();
                        int op = b.readUnsignedByte();
                        byte[] payload = new byte[b.readableBytes()];
                        b.readBytes(payload);
                        listener.binary(op, ByteBuffer.wrap(payload), seq);
                    }
                }
                case CloseWebSocketFrame close -> {
                    report(close.statusCode(), close.reasonText(), true);
                    ctx.close();
                }
                default -> { }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            report(1006, "connection lost", true);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            report(1006, "error: " + cause, false);
            ctx.close();
        }
    }
}
