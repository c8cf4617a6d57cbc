package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.rest.RestHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** The pipeline of a new connection: HTTP until a WebSocket upgrade replaces it. */
final class HubServerInitializer extends ChannelInitializer<SocketChannel> {

    /** REST request bodies are small; WebSocket frames have their own, larger limit. */
    private static final int MAX_HTTP_BODY = 1 << 20;

    private final HubCore core;
    private final RestHandler rest;
    private final ChannelGroup channels;
    private final RouteTemplates routes = new RouteTemplates();

    HubServerInitializer(HubCore core, RestHandler rest, ChannelGroup channels) {
        this.core = core;
        this.rest = rest;
        this.channels = channels;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("aggregator", new HttpObjectAggregator(MAX_HTTP_BODY))
                .addLast("request", new HttpRequestHandler(core, rest, routes));
    }
}
