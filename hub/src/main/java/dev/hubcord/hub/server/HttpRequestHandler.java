package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.lavalink.Lavalink;
import dev.hubcord.hub.lavalink.LavalinkRest;
import dev.hubcord.hub.rest.RestHandler;
import dev.hubcord.hub.rest.RestRequest;
import dev.hubcord.hub.rest.RestResponse;
import dev.hubcord.hub.status.StatusPage;
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
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.AsciiString;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers plain HTTP on the hub's port — {@code /health}, {@code /metrics}, the status page {@code /status}, the
 * REST API under {@code /v1} — and upgrades {@code /ws/v1} and {@code /ws} to the hub's WebSocket.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);
    private static final byte[] HEALTH = "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /**
     * Response headers are set only by this class, from constants and numbers, so Netty's per-header
     * validation (a measurable share of a small REST answer's cost) is skipped for them.
     */
    private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final AsciiString JSON_CONTENT_TYPE = AsciiString.cached(RestResponse.JSON);

    private final HubCore core;
    private final RestHandler rest;
    private final RouteTemplates routes;
    private final StatusPage status;

    HttpRequestHandler(HubCore core, RestHandler rest, RouteTemplates routes) {
        this(core, rest, routes, new StatusPage(core.handshake()::secretMatches));
    }

    /** @param status shared by every connection of the server: its cookie token must be the same on each */
    HttpRequestHandler(HubCore core, RestHandler rest, RouteTemplates routes, StatusPage status) {
        this.core = core;
        this.rest = rest;
        this.routes = routes;
        this.status = status;
    }

    /**
     * Requests that arrived (pipelined) while an answer computed off the event loop was pending:
     * HTTP/1.1 answers go out in request order, so they wait their turn. Reading stops while an
     * answer is pending, so only what one read already held can pile up here; past
     * {@link #MAX_HELD} the connection is closed. Event-loop confined.
     */
    private final ArrayDeque<FullHttpRequest> held = new ArrayDeque<>();
    private static final int MAX_HELD = 32;
    private boolean answerPending;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (answerPending) {
            if (held.size() >= MAX_HELD) {
                log.info("HTTP connection {} pipelined more than {} requests behind a slow answer: closed",
                        ctx.channel().remoteAddress(), MAX_HELD);
                ctx.close();
                return;
            }
            held.add(request.retain());
            return;
        }
        serve(ctx, request);
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        HandshakeTimeout.requestSeen(ctx.channel());
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, RestResponse.badRequest("malformed HTTP request"), false);
            return;
        }
        String rawUri = request.uri();
        // most REST calls have neither a query nor escapes: then the URI is the path, nothing to decode
        boolean plain = rawUri.indexOf('?') < 0 && rawUri.indexOf('%') < 0 && rawUri.indexOf('#') < 0;
        String path = rawUri;
        Map<String, List<String>> query = Map.of();
        if (!plain) {
            // decoded here, eagerly: a bad percent-escape is the client's error (400), not a 500 or a dropped connection
            try {
                QueryStringDecoder uri = new QueryStringDecoder(rawUri);
                path = uri.path();
                query = uri.parameters();
            } catch (IllegalArgumentException e) {
                String why = String.valueOf(e.getMessage());
                log.info("malformed request URI from {}: {}", ctx.channel().remoteAddress(),
                        why.length() > 120 ? why.substring(0, 120) + "..." : why);
                respond(ctx, request, RestResponse.badRequest("malformed URI: bad percent-escape"), false);
                return;
            }
        }
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
            lavalinkRest(ctx, request, method, path, query);
            return;
        }
        RestResponse response;
        long start = System.nanoTime();
        try {
            response = switch (path) {
                case "/health" -> method.equals("GET") ? RestResponse.json(200, HEALTH) : RestResponse.methodNotAllowed(method, path);
                // the hub is ready as soon as it listens: it has no upstream to wait for
                case "/ready" -> method.equals("GET") ? RestResponse.json(200, READY) : RestResponse.methodNotAllowed(method, path);
                case "/metrics" -> method.equals("GET")
                        ? RestResponse.text("text/plain; version=0.0.4; charset=utf-8", core.metrics().scrape())
                        : RestResponse.methodNotAllowed(method, path);
                case "/status" -> status.answer(method, query,
                        request.headers().get(HttpHeaderNames.COOKIE),
                        request.content().toString(java.nio.charset.StandardCharsets.UTF_8));
                default -> {
                    if (!path.startsWith("/v1/")) {
                        yield RestResponse.notFound("no such endpoint: " + path);
                    }
                    if (!core.handshake().secretMatches(request.headers().get(HttpHeaderNames.AUTHORIZATION))
                            && !(path.equals("/v1/status") && method.equals("GET")
                                    && status.admits(request.headers().get(HttpHeaderNames.COOKIE)))) {
                        yield RestResponse.error(401, "UNAUTHORIZED", "missing or wrong Authorization header");
                    }
                    yield rest.handle(RestRequest.of(method, path, query));
                }
            };
        } catch (RuntimeException e) {
            log.error("REST {} {} failed", method, path, e);
            response = RestResponse.error(500, "INTERNAL_ERROR", "internal error");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (response.pending() != null) {
            answerLater(ctx, request.protocolVersion(), keepAlive, method, path, start, response.pending());
            return;
        }
        finish(ctx, request.protocolVersion(), keepAlive, path, start, response);
    }

    private void finish(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive, String path, long start,
            RestResponse response) {
        if (path.startsWith("/v1/")) {
            core.metrics().restRequest(routes.of(path, response.status()), response.status(),
                    System.nanoTime() - start);
        }
        respond(ctx, version, response, keepAlive);
    }

    /** Stops reading until {@code pending} completes on its worker, then answers on the event loop. */
    private void answerLater(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive, String method,
            String path, long start, CompletableFuture<RestResponse> pending) {
        answerPending = true;
        ctx.channel().config().setAutoRead(false);
        pending.whenComplete((answer, failure) -> ctx.executor().execute(() -> {
            RestResponse response = answer;
            if (failure != null) {
                log.error("REST {} {} failed", method, path, failure);
                response = RestResponse.error(500, "INTERNAL_ERROR", "internal error");
            }
            answerPending = false;
            finish(ctx, version, keepAlive, path, start, response);
            while (!answerPending && !held.isEmpty()) {
                FullHttpRequest next = held.poll();
                try {
                    serve(ctx, next);
                } finally {
                    next.release();
                }
            }
            if (!answerPending && ctx.channel().isActive()) {
                ctx.channel().config().setAutoRead(true);
            }
        }));
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (FullHttpRequest r; (r = held.poll()) != null; ) {
            r.release();
        }
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
        long start = System.nanoTime();
        // written through answerLater, so that pipelined requests behind it are answered in order
        CompletableFuture<RestResponse> answer = core.lavalink().rest()
                .handle(method, path, query, body, request.headers().get(HttpHeaderNames.AUTHORIZATION))
                .handle((response, e) -> {
                    if (e != null) {
                        log.error("Lavalink {} {} failed", method, path, e);
                        return RestResponse.error(500, "INTERNAL_ERROR", "internal error");
                    }
                    if (response.status() >= 400 && response.status() != 404) {
                        // one line per refused request (bad input, no audio worker): the client only sees the body
                        log.info("Lavalink {} {} from {}: {} {}", method, path, ctx.channel().remoteAddress(),
                                response.status(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return response;
                });
        answerLater(ctx, request.protocolVersion(), HttpUtil.isKeepAlive(request), method, path, start, answer);
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

    private static void respond(ChannelHandlerContext ctx, HttpVersion version, RestResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(version,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()),
                RESPONSE_HEADERS, RESPONSE_HEADERS);
        if (response.contentType() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, RestResponse.JSON.equals(response.contentType())
                    ? JSON_CONTENT_TYPE : response.contentType());
        }
        if (!response.headers().isEmpty()) {
            response.headers().forEach(http.headers()::set);
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
