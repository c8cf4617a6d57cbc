package dev.hubcord.hub.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /v1/openapi.json}: the hand-written OpenAPI 3.1 description of this REST API, a resource of the jar.
 * Written by hand rather than derived from the router because the router matches path shapes in code; the test
 * {@code OpenApiTest} holds the two together, and the Node client generates its typed REST functions from it.
 */
final class OpenApiResource {

    static final String RESOURCE = "openapi.json";

    private final byte[] body;

    OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + " beside " + OpenApiResource.class.getName());
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RestResponse openApi() {
        return new RestResponse(200, RestResponse.JSON, body);
    }
}
