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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts between Netty's HTTP objects and the simulator's {@link RestExchange} values. */
final class HttpResponses {

    private HttpResponses() {}

    /** A JSON (or empty) request; a multipart body would be read as text (the control API takes none). */
    static RestExchange.Request toRequest(FullHttpRequest req) {
        return request(req, req.content().toString(StandardCharsets.UTF_8), List.of());
    }

    /** A REST request: multipart bodies become their JSON ({@code payload_json}) and files. */
    static RestExchange.Request toRestRequest(FullHttpRequest req) throws MultipartForms.BadFormException {
        if (!MultipartForms.isMultipart(req)) {
            return toRequest(req);
        }
        MultipartForms.Form form = MultipartForms.read(req);
        return request(req, form.json(), form.files());
    }

    private static RestExchange.Request request(FullHttpRequest req, String body, List<RestExchange.Upload> files) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        Map<String, String> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (a, b) -> a + "," + b));
        return new RestExchange.Request(req.method().name(), qs.path(), qs.parameters(), headers, body, files);
    }

    static void write(ChannelHandlerContext ctx, FullHttpRequest req, RestExchange.Response r) {
        write(ctx, HttpUtil.isKeepAlive(req), r);
    }

    /** Writes {@code r}; from any thread (Netty hands the write to the channel's event loop). */
    static void write(ChannelHandlerContext ctx, boolean keepAlive, RestExchange.Response r) {
        boolean text = r.body() != null && r.body().isTextual() && r.headers().containsKey("Content-Type");
        boolean binary = r.body() != null && r.body().isBinary(); // a download: its own Content-Type is set
        byte[] body = r.body() == null ? new byte[0] : binary ? binaryValue(r)
                : (text ? r.body().textValue() : Json.write(r.body())).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(body));
        r.headers().forEach((k, v) -> response.headers().set(k, v));
        if (r.body() != null && !text && !binary) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static byte[] binaryValue(RestExchange.Response r) {
        try {
            return r.body().binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a BinaryNode holds its bytes: never happens
        }
    }
}
