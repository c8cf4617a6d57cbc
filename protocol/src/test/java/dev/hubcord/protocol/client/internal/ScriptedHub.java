package dev.hubcord.protocol.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.codec.Codecs;
import dev.hubcord.protocol.codec.FrameCompressor;
import dev.hubcord.protocol.codec.Json;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket peer on 127.0.0.1 that plays the hub's side of a conversation as a test scripts it:
 * the test reads what the client sent and decides what the "hub" answers. It exercises the client's
 * real Netty pipeline, real zstd and zlib, and real reconnects, including exchanges the real hub
 * cannot be made to produce on demand (a withheld HEARTBEAT_ACK, garbage, a replayed duplicate).
 * The same client is tested against the real hub in the hub module ({@code dev.hubcord.hub.client}).
 */
final class ScriptedHub implements AutoCloseable {

    private static final long WAIT_SECONDS = 5;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Channel server;

    ScriptedHub() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Peer peer = new Peer(ch);
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws/v1")
                                        .maxFramePayloadLength(16 << 20)
                                        .handleCloseFrames(false)
                                        .build()),
                                new WebSocketFrameAggregator(16 << 20), peer);
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/ws/v1");
    }

    /** How many WebSocket connections completed their handshake so far. */
    int connections() {
        return connections.get();
    }

    /** The next connection whose handshake completed; fails the test after 5 s. */
    Peer accept() throws InterruptedException {
        Peer peer = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(peer, "no connection from the client");
        return peer;
    }

    /** Accepts, sends HELLO, and returns the peer with the client's first payload (IDENTIFY or RESUME) read. */
    Peer acceptAndHello(long heartbeatInterval) throws InterruptedException {
        Peer peer = accept();
        peer.sendText("{\"op\":3,\"d\":{\"heartbeatInterval\":" + heartbeatInterval + "}}");
        return peer;
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** One client connection, seen from the hub's side. */
    final class Peer extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final Channel channel;
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private volatile int closeCodeReceived = -1;
        private FrameCompressor compressor;

        Peer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                connections.incrementAndGet();
                accepted.add(this);
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            switch (frame) {
                case TextWebSocketFrame text -> {
                    try {
                        received.add(Json.mapper().readTree(ByteBufUtil.getBytes(text.content())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                case CloseWebSocketFrame close -> {
                    closeCodeReceived = close.statusCode();
                    ctx.close();
                }
                default -> fail("unexpected frame " + frame);
            }
        }

        /** Switches this connection's hub→client direction to the scheme (fresh stream). */
        Peer compress(Compression compression) {
            compressor = Codecs.compressor(compression);
            return this;
        }

        void sendText(String json) {
            channel.writeAndFlush(new TextWebSocketFrame(json)).syncUninterruptibly();
        }

        /** Sends with the negotiated compression when one is set, as text otherwise. */
        void send(String json) {
            if (compressor == null) {
                sendText(json);
                return;
            }
            // Compress on the peer's event loop: the zstd context must see frames in write order.
            channel.eventLoop().submit(() -> {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                channel.writeAndFlush(new BinaryWebSocketFrame(
                        compressor.compress(channel.alloc(), bytes, 0, bytes.length)));
            }).syncUninterruptibly();
        }

        void event(String name, long seq, String data) {
            send("{\"op\":2,\"t\":\"" + name + "\",\"s\":" + seq + ",\"d\":" + data + "}");
        }

        void identified(String session, long seq, String extra) {
            event("IDENTIFIED", seq, "{\"session\":\"" + session + "\",\"type\":\"commands\","
                    + "\"heartbeatInterval\":60000,\"resumeTimeout\":60000" + extra + "}");
        }

        /** The next payload the client sent; fails after 5 s. */
        JsonNode receive() throws InterruptedException {
            JsonNode payload = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(payload, "the client sent nothing");
            return payload;
        }

        /** The next payload with this op, skipping heartbeats (op 1) and ACKs (op 7) unless asked for. */
        JsonNode receive(int op) throws InterruptedException {
            while (true) {
                JsonNode payload = receive();
                int got = payload.path("op").asInt();
                if (got == op) {
                    return payload;
                }
                if (got != 1 && got != 7) {
                    assertEquals(op, got, "unexpected payload " + payload);
                }
            }
        }

        /** Whatever the client sent that is still unread (non-blocking). */
        JsonNode poll() {
            return received.poll();
        }

        void closeWith(int code, String reason) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).syncUninterruptibly();
        }

        /** Drops the TCP connection without a close frame. */
        void drop() {
            channel.close().syncUninterruptibly();
        }

        int closeCodeReceived() {
            return closeCodeReceived;
        }

        boolean isOpen() {
            return channel.isActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (compressor != null) {
                channel.eventLoop().execute(compressor::close);
            }
            super.channelInactive(ctx);
        }
    }
}
