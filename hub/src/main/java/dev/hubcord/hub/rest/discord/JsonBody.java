package dev.hubcord.hub.rest.discord;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.hubcord.cache.json.CacheJsonWriter;
import dev.hubcord.hub.rest.RestResponse;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders cache entities with {@link CacheJsonWriter} straight into a response body. */
final class JsonBody {

    private JsonBody() {
    }

    /** 200 with one entity. */
    static <T> RestResponse ok(CacheJsonWriter.Writer<T> writer, T value) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            writer.write(g, value);
        } catch (IOException e) {
            // Writing to memory cannot fail; a failure here is a bug, reported as a 500 by the server.
            throw new UncheckedIOException(e);
        }
        return RestResponse.json(200, out.toByteArray());
    }

    /** 200 with a JSON array of entities. */
    static <T> RestResponse okArray(CacheJsonWriter.Writer<T> each, List<T> values) {
        return ok((g, list) -> CacheJsonWriter.array(g, list, each), values);
    }
}
