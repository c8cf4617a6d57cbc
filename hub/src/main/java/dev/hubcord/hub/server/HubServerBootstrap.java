package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.rest.RestHandler;
import dev.hubcord.protocol.CloseCode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
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
                // past the high mark a connection stops writing and queues in its bounded backlog (Connection)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER_MARK, HIGH_WATER_MARK))
                .childHandler(new HubServerInitializer(core, rest, channels));
        return bootstrap.bind(host, port).sync().channel();
    }

    /** {@code io_uring} or {@code nio}: what the event loops use. */
    public String transportName() {
        return transport.name();
    }

    /**
     * Closes every connection, losing nothing a client was told the hub took. In three steps: every
     * WebSocket connection stops taking payloads (it still reads, so that no unread bytes make the
     * kernel answer the close with a reset, which would discard what the client had not read yet);
     * once all have stopped, each is sent what was routed to it and then the close frame; then the
     * hub waits, up to {@link #CLOSE_WAIT_MILLIS}, for the clients to answer and close, before closing
     * whatever is left (HTTP connections too). Stopping everywhere first means that nothing is routed
     * to a connection after its close frame, and that every op 8 a publisher gets precedes it.
     */
    public void closeAll(CloseCode code) {
        List<HubWebSocketHandler> sessions = new ArrayList<>();
        for (Channel channel : channels) {
            if (channel.pipeline().get("ws-session") instanceof HubWebSocketHandler handler) {
                sessions.add(handler);
            }
        }
        List<Future<?>> stopped = new ArrayList<>();
        for (HubWebSocketHandler handler : sessions) {
            stopped.add(handler.stopTaking());
        }
        // Generous: a close frame before every publisher has stopped could lose what it was confirmed.
        awaitAll(stopped, STOP_WAIT_MILLIS);
        List<Future<?>> closed = new ArrayList<>();
        for (HubWebSocketHandler handler : sessions) {
            closed.add(handler.goAway(code, "hub shutting down"));
        }
        awaitAll(closed, CLOSE_WAIT_MILLIS);
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** A connection's socket buffer in the hub's heap: writing stops above the high mark, resumes under the low. */
    static final int LOW_WATER_MARK = 256 * 1024;
    static final int HIGH_WATER_MARK = 1024 * 1024;
    /** How long the shutdown waits for every connection to stop taking payloads (a task on each event loop). */
    static final long STOP_WAIT_MILLIS = 10_000;
    /** How long the shutdown waits for clients to answer the close frame. */
    static final long CLOSE_WAIT_MILLIS = 2_000;

    private static void awaitAll(List<Future<?>> futures, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Future<?> f : futures) {
            f.awaitUninterruptibly(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }

    public void shutdown() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
