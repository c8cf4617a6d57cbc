package dev.hubcord.discordsim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.rest.RestExchange;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body as Discord takes it: the JSON in {@code payload_json} (else the plain
 * form fields make the JSON object), each file in a part named {@code files[n]} (any other file part counts too, with
 * index -1). Everything stays in memory: the server's aggregator already bounds the whole body.
 */
final class MultipartForms {

    private static final Pattern FILES = Pattern.compile("files\\[(\\d{1,2})]");

    /** The body is not a readable multipart form (no boundary, broken parts). */
    static final class BadFormException extends Exception {
        BadFormException(String message) {
            super(message);
        }
    }

    /** The JSON body text and the files. */
    record Form(String json, List<RestExchange.Upload> files) {}

    private MultipartForms() {}

    static boolean isMultipart(FullHttpRequest req) {
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        return type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static Form read(FullHttpRequest req) throws BadFormException {
        if (!HttpPostRequestDecoder.isMultipart(req)) { // multipart/form-data without a boundary
            throw new BadFormException("multipart/form-data without a boundary");
        }
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), req);
        } catch (RuntimeException e) { // Netty's ErrorDataDecoderException and kin
            throw new BadFormException("unreadable multipart body: " + e.getMessage());
        }
        try {
            String payload = null;
            ObjectNode fields = Json.obj();
            List<RestExchange.Upload> files = new ArrayList<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload f) {
                    Matcher m = FILES.matcher(f.getName());
                    files.add(new RestExchange.Upload(f.getName(), m.matches() ? Integer.parseInt(m.group(1)) : -1,
                            f.getFilename(), f.getContentType(), f.get()));
                } else if (data instanceof Attribute a) {
                    if (a.getName().equals("payload_json")) {
                        payload = a.getValue();
                    } else {
                        fields.set(a.getName(), fieldValue(a.getValue()));
                    }
                }
            }
            return new Form(payload != null ? payload : Json.write(fields), files);
        } catch (IOException | RuntimeException e) {
            throw new BadFormException("unreadable multipart body: " + e.getMessage());
        } finally {
            decoder.destroy();
        }
    }

    /** A plain form field: JSON when it reads as a number, boolean, array or object, else the text. */
    private static JsonNode fieldValue(String text) {
        JsonNode parsed = Json.parseOrNull(text);
        return parsed != null && !parsed.isTextual() && !parsed.isNull() ? parsed : Json.obj().textNode(text);
    }
}
