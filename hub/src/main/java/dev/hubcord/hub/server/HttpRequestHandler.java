package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.lavalink.Lavalink;
import dev.hubcord.hub.lavalink.LavalinkRest;
import dev.hubcord.hub.rest.RestHandler;
import dev.hubcord.hub.rest.RestRequest;
import dev.hubcord.hub.rest.RestResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.AsciiString;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers plain HTTP on the hub's port — {@code /health}, {@code /metrics}, the REST API under
 * {@code /v1} — and upgrades {@code /ws/v1} and {@code /ws} to the hub's WebSocket.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);
    private static final byte[] HEALTH = "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /**
     * Response headers are set only by this class, from constants and numbers, so Netty's per-header
     * validation (a measurable share of a small REST answer's cost) is skipped for them.
     */
    private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final AsciiString JSON_CONTENT_TYPE = AsciiString.cached(RestResponse.JSON);

    private final HubCore core;
    private final RestHandler rest;
    private final RouteTemplates routes;

    HttpRequestHandler(HubCore core, RestHandler rest, RouteTemplates routes) {
        this.core = core;
        this.rest = rest;
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HandshakeTimeout.requestSeen(ctx.channel());
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, RestResponse.badRequest("malformed HTTP request"), false);
            return;
        }
        String rawUri = request.uri();
        // most REST calls have neither a query nor escapes: then the URI is the path, nothing to decode
        boolean plain = rawUri.indexOf('?') < 0 && rawUri.indexOf('%') < 0 && rawUri.indexOf('#') < 0;
        QueryStringDecoder uri = plain ? null : new QueryStringDecoder(rawUri);
        String path = plain ? rawUri : uri.path();
        String method = request.method().name();
        if (path.equals("/ws/v1") || path.equals("/ws")) {
            upgrade(ctx, request, () -> new HubWebSocketHandler(core), null);
            return;
        }
        if (path.equals("/v4/websocket")) {
            lavalinkUpgrade(ctx, request);
            return;
        }
        if (LavalinkRest.handles(path)) {
            lavalinkRest(ctx, request, method, path, plain ? Map.of() : uri.parameters());
            return;
        }
        RestResponse response;
        long start = System.nanoTime();
        try {
            response = switch (path) {
                case "/health" -> method.equals("GET") ? RestResponse.json(200, HEALTH) : RestResponse.methodNotAllowed(method, path);
                case "/metrics" -> method.equals("GET")
                        ? RestResponse.text("text/plain; version=0.0.4; charset=utf-8", core.metrics().scrape())
                        : RestResponse.methodNotAllowed(method, path);
                default -> {
                    if (!path.startsWith("/v1/")) {
                        yield RestResponse.notFound("no such endpoint: " + path);
                    }
                    if (!core.handshake().secretMatches(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                        yield RestResponse.error(401, "UNAUTHORIZED", "missing or wrong Authorization header");
                    }
                    yield rest.handle(RestRequest.of(method, path, plain ? Map.of() : uri.parameters()));
                }
            };
        } catch (RuntimeException e) {
            log.error("REST {} {} failed", method, path, e);
            response = RestResponse.error(500, "INTERNAL_ERROR", "internal error");
        }
        if (path.startsWith("/v1/")) {
            core.metrics().restRequest(routes.of(path, response.status()), response.status(),
                    System.nanoTime() - start);
        }
        respond(ctx, request, response, HttpUtil.isKeepAlive(request));
    }

    /**
     * A Lavalink client's WebSocket: {@code Authorization} must be the hub's secret and {@code User-Id} the bot's
     * snowflake; {@code Session-Id} resumes a resumable session ({@code Session-Resumed} in the answer says whether).
     */
    private void lavalinkUpgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        var headers = request.headers();
        Lavalink lavalink = core.lavalink();
        String userId = headers.get("User-Id");
        String resumeId = headers.get("Session-Id");
        RestResponse refusal = null;
        if (!core.handshake().secretMatches(headers.get(HttpHeaderNames.AUTHORIZATION))) {
            refusal = RestResponse.error(401, "UNAUTHORIZED", "missing or wrong Authorization header");
        } else if (userId == null || !userId.matches("\\d{1,20}")) {
            refusal = RestResponse.badRequest("the User-Id header must be the bot's user id");
        } else if (!lavalink.canResume(resumeId) && !lavalink.hasRoom()) {
            refusal = RestResponse.error(503, "TOO_MANY_SESSIONS", "too many Lavalink sessions");
        }
        if (refusal != null) {
            log.info("Lavalink WebSocket from {} refused: {}", ctx.channel().remoteAddress(), refusal.status());
            respond(ctx, request, refusal, false);
            return;
        }
        String clientName = headers.get("Client-Name", "unknown");
        var extra = new io.netty.handler.codec.http.DefaultHttpHeaders();
        extra.set("Session-Resumed", String.valueOf(lavalink.canResume(resumeId)));
        extra.set("Lavalink-Api-Version", "4");
        upgrade(ctx, request, () -> lavalink.socketHandler(userId, clientName, resumeId), extra);
    }

    /** Lavalink's REST API; its answers may wait for an audio worker, so they are written when they complete. */
    private void lavalinkRest(ChannelHandlerContext ctx, FullHttpRequest request, String method, String path,
            Map<String, java.util.List<String>> query) {
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        var version = request.protocolVersion();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        core.lavalink().rest().handle(method, path, query, body, request.headers().get(HttpHeaderNames.AUTHORIZATION))
                .whenComplete((response, e) -> {
                    RestResponse answer = response;
                    if (e != null) {
                        log.error("Lavalink {} {} failed", method, path, e);
                        answer = RestResponse.error(500, "INTERNAL_ERROR", "internal error");
                    }
                    if (answer.status() >= 400 && answer.status() != 404) {
                        // one line per refused request (bad input, no audio worker): the client only sees the body
                        log.info("Lavalink {} {} from {}: {} {}", method, path, ctx.channel().remoteAddress(),
                                answer.status(), new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    RestResponse finalAnswer = answer;
                    ctx.executor().execute(() -> respond(ctx, version, finalAnswer, keepAlive));
                });
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request,
            java.util.function.Supplier<io.netty.channel.ChannelHandler> session,
            io.netty.handler.codec.http.HttpHeaders responseHeaders) {
        if (!"websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
            respond(ctx, request, RestResponse.badRequest("this path takes a WebSocket upgrade"), false);
            return;
        }
        int max = core.config().maxPayloadBytes();
        WebSocketDecoderConfig decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(max)
                .allowExtensions(false)
                .closeOnProtocolViolation(false)
                .build();
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, null, decoderConfig).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        ctx.channel().config().setAutoRead(false);
        handshaker.handshake(ctx.channel(), request, responseHeaders, ctx.newPromise()).addListener(future -> {
            if (!future.isSuccess()) {
                log.info("WebSocket handshake with {} failed: {}", ctx.channel().remoteAddress(), future.cause().toString());
                ctx.close();
                return;
            }
            ctx.pipeline().addLast("ws-aggregator", new WebSocketFrameAggregator(max));
            ctx.pipeline().addLast("ws-session", session.get());
            ctx.pipeline().remove(this);
            ctx.channel().config().setAutoRead(true);
        });
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, RestResponse response, boolean keepAlive) {
        respond(ctx, request.protocolVersion(), response, keepAlive);
    }

    private static void respond(ChannelHandlerContext ctx, io.netty.handler.codec.http.HttpVersion version,
            RestResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(version,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()),
                RESPONSE_HEADERS, RESPONSE_HEADERS);
        if (response.contentType() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, RestResponse.JSON.equals(response.contentType())
                    ? JSON_CONTENT_TYPE : response.contentType());
        }
        if (response.status() != 204) { // a 204 carries no Content-Length (RFC 9110 section 8.6)
            http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        if (keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(http, ctx.voidPromise());
        } else {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
