package dev.hubcord.discordsim.server;

import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.rest.Rest;
import dev.hubcord.discordsim.rest.RestExchange;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every connection: a websocket upgrade on {@code /} (gateway URL) or {@code /resume} (resume URL)
 * becomes a gateway connection; {@code /api/…} goes to REST; {@code /_sim/…} to the control API.
 */
final class HttpEntryHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpEntryHandler.class);
    /** Client payloads above 4096 bytes get 4002 from the gateway, so the transport must let them through first. */
    private static final int MAX_CLIENT_FRAME = 1 << 20;

    private final Gateway gateway;
    private final Rest rest;
    private final Function<RestExchange.Request, RestExchange.Response> control;

    HttpEntryHandler(Gateway gateway, Rest rest, Function<RestExchange.Request, RestExchange.Response> control) {
        this.gateway = gateway;
        this.rest = rest;
        this.control = control;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        String path = qs.path();
        boolean upgrade = req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
        if (upgrade && isGatewayPath(path)) {
            upgrade(ctx, req, qs, path.startsWith("/resume"));
        } else if (Rest.handles(path)) {
            rest(ctx, req);
        } else if (path.startsWith("/attachments/") && req.method().name().equals("GET")) {
            HttpResponses.write(ctx, req, rest.context().attachments().download(path));
        } else if (path.startsWith("/_sim/")) {
            control(ctx, req);
        } else {
            HttpResponses.write(ctx, req, RestExchange.Response.error(404, 0, "404: Not Found"));
        }
    }

    private void rest(ChannelHandlerContext ctx, FullHttpRequest req) {
        RestExchange.Request request;
        try {
            request = HttpResponses.toRestRequest(req);
        } catch (MultipartForms.BadFormException e) {
            log.info("{} {}: {}", req.method(), new QueryStringDecoder(req.uri()).path(), e.getMessage());
            HttpResponses.write(ctx, req, RestExchange.Response.error(400, 50035, "Invalid Form Body"));
            return;
        }
        Rest.Timed timed = rest.handleTimed(request);
        if (timed.delayMs() > 0) {
            // A test made this route slow: the effect happened, the answer comes late (on the event loop's
            // timer, never blocking it). req is released when channelRead0 returns, so keep what write needs.
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            ctx.executor().schedule(() -> HttpResponses.write(ctx, keepAlive, timed.response()),
                    timed.delayMs(), TimeUnit.MILLISECONDS);
        } else {
            HttpResponses.write(ctx, req, timed.response());
        }
    }

    /**
     * Control calls run on a virtual thread, not on the event loop: some wait (a simulated listener joining the
     * voice server's DAVE group does MLS work under the group's lock).
     */
    private void control(ChannelHandlerContext ctx, FullHttpRequest req) {
        // a copy: req is released when channelRead0 returns
        RestExchange.Request request = HttpResponses.toRequest(req);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        Thread.ofVirtual().name("sim-control").start(() -> {
            RestExchange.Response response;
            try {
                response = control.apply(request);
            } catch (RuntimeException e) {
                log.warn("control call {} {} failed", request.method(), request.path(), e);
                response = RestExchange.Response.error(500, 0, "control call failed: " + e);
            }
            HttpResponses.write(ctx, keepAlive, response);
        });
    }

    private static boolean isGatewayPath(String path) {
        return path.isEmpty() || path.equals("/") || path.equals("/resume") || path.equals("/resume/");
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder qs, boolean viaResume) {
        String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + qs.path();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(url, null, false, MAX_CLIENT_FRAME).newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        GatewayFrameHandler frames = new GatewayFrameHandler(gateway);
        // No permessage-deflate: Discord does not negotiate it; compression is application-level.
        ctx.pipeline().replace(this, "ws-aggregator", new WebSocketFrameAggregator(MAX_CLIENT_FRAME));
        ctx.pipeline().addLast("gateway", frames);
        Gateway.ConnectParams params = new Gateway.ConnectParams(first(qs, "v"), first(qs, "encoding"),
                first(qs, "compress"), viaResume);
        handshaker.handshake(ctx.channel(), req).addListener(f -> {
            if (f.isSuccess()) {
                frames.bind(gateway.open(ctx.channel(), params));
            } else {
                log.debug("websocket handshake failed: {}", f.cause().toString());
                ctx.close();
            }
        });
    }

    private static String first(QueryStringDecoder qs, String name) {
        var values = qs.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("http connection failed: {}", cause.toString());
        ctx.close();
    }
}
