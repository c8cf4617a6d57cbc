package dev.hubcord.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The benchmark's client connections: N sharders and M commands workers on one event loop group. */
final class LoadCluster implements AutoCloseable {

    record Client(LoadConnection handler, Channel channel) {}

    private final EventLoopGroup group;
    final List<Client> sharders = new ArrayList<>();
    final List<Client> workers = new ArrayList<>();
    final LoadStats stats = new LoadStats();

    LoadCluster(URI uri, String secret, boolean zstd, int sharderCount, int workerCount, int threads) throws Exception {
        group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        for (int i = 0; i < workerCount; i++) {
            workers.add(connect(uri, new LoadConnection(LoadConnection.Role.COMMANDS, secret, zstd, stats)));
        }
        for (int i = 0; i < sharderCount; i++) {
            sharders.add(connect(uri, new LoadConnection(LoadConnection.Role.SHARDER, secret, zstd, stats)));
        }
    }

    private Client connect(URI uri, LoadConnection handler) throws Exception {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(16 << 20)
                .handleCloseFrames(true)
                .build();
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(16 << 20), handler);
                    }
                })
                .connect(uri.getHost(), uri.getPort()).sync().channel();
        handler.identified.get(10, TimeUnit.SECONDS);
        return new Client(handler, channel);
    }

    /**
     * Waits (bounded) for every sent event to be acknowledged, then closes each connection with 1000
     * so its session ends at once: a later scenario must not inherit redeliveries from this one.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stats.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Client c : sharders) {
            c.channel().writeAndFlush(new CloseWebSocketFrame(1000, "bench done"));
        }
        for (Client c : workers) {
            c.channel().writeAndFlush(new CloseWebSocketFrame(1000, "bench done"));
        }
        for (Client c : sharders) {
            c.channel().closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        for (Client c : workers) {
            c.channel().closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
