package dev.hubcord.hub.rest.discord;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.hubcord.cache.json.CacheJsonWriter;
import dev.hubcord.hub.rest.RestResponse;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders cache entities with {@link CacheJsonWriter} straight into a response body. Each thread (the
 * event loops) reuses one output buffer, so an answer costs one exact-size copy instead of a fresh
 * buffer that grows; Jackson keeps a buffer's blocks at most 128 KiB, which bounds what a thread holds.
 */
final class JsonBody {

    private static final ThreadLocal<ByteArrayBuilder> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayBuilder(1024));

    private JsonBody() {
    }

    /** 200 with one entity. */
    static <T> RestResponse ok(CacheJsonWriter.Writer<T> writer, T value) {
        ByteArrayBuilder out = BUFFER.get();
        out.reset();
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            writer.write(g, value);
        } catch (IOException e) {
            // Writing to memory cannot fail; a failure here is a bug, reported as a 500 by the server.
            throw new UncheckedIOException(e);
        }
        byte[] body = out.toByteArray();
        out.reset();
        return RestResponse.json(200, body);
    }

    /** 200 with a JSON array of entities. */
    static <T> RestResponse okArray(CacheJsonWriter.Writer<T> each, List<T> values) {
        return ok((g, list) -> CacheJsonWriter.array(g, list, each), values);
    }
}
