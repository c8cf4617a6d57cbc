package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.rest.RestHandler;
import dev.hubcord.hub.status.StatusPage;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The pipeline of a new connection: HTTP until a WebSocket upgrade replaces it. A connection over the connection
 * limits gets only an answer saying so; every connection must complete its first request within the handshake
 * timeout.
 */
final class HubServerInitializer extends ChannelInitializer<SocketChannel> {

    /** REST request bodies are small; WebSocket frames have their own, larger limit. */
    private static final int MAX_HTTP_BODY = 1 << 20;

    /** A refused connection's request is read only to answer it: a small limit. */
    private static final int MAX_REFUSED_BODY = 1 << 12;

    private final HubCore core;
    private final RestHandler rest;
    private final ChannelGroup channels;
    private final RouteTemplates routes = new RouteTemplates();
    private final StatusPage status;
    private final ConnectionLimits limits;

    HubServerInitializer(HubCore core, RestHandler rest, ChannelGroup channels) {
        this.core = core;
        this.rest = rest;
        this.channels = channels;
        this.status = new StatusPage(core.handshake()::secretMatches);
        this.limits = new ConnectionLimits(core.config().limits().maxConnections(),
                core.config().limits().maxConnectionsPerAddress(), core.metrics());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        HandshakeTimeout.start(ch, core.config().limits().handshakeTimeoutMs(), core.metrics());
        ConnectionLimits.Verdict verdict = limits.admit(ch.remoteAddress());
        if (verdict != ConnectionLimits.Verdict.ADMITTED) {
            ch.pipeline()
                    .addLast("http", new HttpServerCodec())
                    .addLast("aggregator", new HttpObjectAggregator(MAX_REFUSED_BODY))
                    .addLast("refusal", new RefusalHandler(verdict));
            return;
        }
        var remote = ch.remoteAddress();
        ch.closeFuture().addListener(f -> limits.release(remote));
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("aggregator", new HttpObjectAggregator(MAX_HTTP_BODY))
                .addLast("request", new HttpRequestHandler(core, rest, routes, status));
    }
}
