package dev.hubcord.discordsim.server;

import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.rest.RestExchange;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Converts between Netty's HTTP objects and the simulator's {@link RestExchange} values. */
final class HttpResponses {

    private HttpResponses() {}

    static RestExchange.Request toRequest(FullHttpRequest req) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        Map<String, String> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (a, b) -> a + "," + b));
        return new RestExchange.Request(req.method().name(), qs.path(), qs.parameters(), headers,
                req.content().toString(StandardCharsets.UTF_8));
    }

    static void write(ChannelHandlerContext ctx, FullHttpRequest req, RestExchange.Response r) {
        write(ctx, HttpUtil.isKeepAlive(req), r);
    }

    /** Writes {@code r}; from any thread (Netty hands the write to the channel's event loop). */
    static void write(ChannelHandlerContext ctx, boolean keepAlive, RestExchange.Response r) {
        boolean text = r.body() != null && r.body().isTextual() && r.headers().containsKey("Content-Type");
        byte[] body = r.body() == null ? new byte[0]
                : (text ? r.body().textValue() : Json.write(r.body())).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(body));
        r.headers().forEach((k, v) -> response.headers().set(k, v));
        if (r.body() != null && !text) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
