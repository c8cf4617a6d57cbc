package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.rest.RestHandler;
import dev.hubcord.protocol.CloseCode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Owns the event loops and the listening socket; every accepted channel joins a group for shutdown. */
public final class HubServerBootstrap {

    private final IoTransport transport;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final HubCore core;
    private final RestHandler rest;

    public HubServerBootstrap(HubCore core, RestHandler rest) {
        this.core = core;
        this.rest = rest;
        int threads = core.config().ioThreads() > 0 ? core.config().ioThreads() : Runtime.getRuntime().availableProcessors();
        this.transport = IoTransport.of(core.config().transport());
        this.boss = new MultiThreadIoEventLoopGroup(1, transport.handlers());
        this.workers = new MultiThreadIoEventLoopGroup(threads, transport.handlers());
    }

    public Channel bind(String host, int port) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new HubServerInitializer(core, rest, channels));
        return bootstrap.bind(host, port).sync().channel();
    }

    /** {@code io_uring} or {@code nio}: what the event loops use. */
    public String transportName() {
        return transport.name();
    }

    /**
     * Sends every open connection a close frame (WebSocket ones) and closes it. Reading stops on every
     * connection first: a payload read after that could be routed to a receiver already closed, or be
     * confirmed (op 8) to its publisher after the close frame, where the publisher no longer reads.
     * Stopping first means everything taken was routed and confirmed before any close frame.
     */
    public void closeAll(CloseCode code) {
        List<Future<?>> stopped = new ArrayList<>();
        for (Channel channel : channels) {
            stopped.add(channel.eventLoop().submit(() -> channel.config().setAutoRead(false)));
        }
        for (Future<?> f : stopped) {
            f.awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        for (Channel channel : channels) {
            if (channel.pipeline().get("ws-session") != null) {
                channel.writeAndFlush(new CloseWebSocketFrame(code.code(), "hub shutting down"));
            }
        }
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    public void shutdown() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
