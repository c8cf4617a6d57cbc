package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
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
import java.util.List;
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
            upgrade(ctx, request);
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
                    yield rest.handle(RestRequest.of(method, path, query));
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

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
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
        handshaker.handshake(ctx.channel(), request).addListener(future -> {
            if (!future.isSuccess()) {
                log.info("WebSocket handshake with {} failed: {}", ctx.channel().remoteAddress(), future.cause().toString());
                ctx.close();
                return;
            }
            ctx.pipeline().addLast("ws-aggregator", new WebSocketFrameAggregator(max));
            ctx.pipeline().addLast("ws-session", new HubWebSocketHandler(core));
            ctx.pipeline().remove(this);
            ctx.channel().config().setAutoRead(true);
        });
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, RestResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(request.protocolVersion(),
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
