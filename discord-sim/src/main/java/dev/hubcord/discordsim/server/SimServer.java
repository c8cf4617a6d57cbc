package dev.hubcord.discordsim.server;

import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.rest.Rest;
import dev.hubcord.discordsim.rest.RestExchange;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The one Netty server: gateway websockets, REST and the control API share a single port. */
public final class SimServer implements AutoCloseable {

    /**
     * The largest request body (Netty answers a bare 413 above it): room for Discord's 25 MiB form bodies, so that
     * files above the configured upload limit reach the REST side and get Discord's 413 / 40005.
     */
    private static final int MAX_HTTP_BODY = 32 << 20;

    private final EventLoopGroup group;
    private final Channel channel;

    private SimServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Binds and starts serving; {@code port} 0 picks an ephemeral port. */
    public static SimServer start(String host, int port, int threads, Gateway gateway, Rest rest,
            Function<RestExchange.Request, RestExchange.Response> control) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HTTP_BODY),
                                    new HttpEntryHandler(gateway, rest, control));
                        }
                    })
                    .bind(host, port).sync().channel();
            return new SimServer(group, ch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new SimException(SimException.Kind.STARTUP, "interrupted while binding", e);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new SimException(SimException.Kind.STARTUP, "cannot bind " + host + ":" + port, e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
