package dev.hubcord.hub.rest;

import java.util.List;
import java.util.Map;

/** A REST request as the resources see it: method, path split into segments, and query parameters. */
public record RestRequest(String method, String path, List<String> segments, Map<String, List<String>> query) {

    /** The first value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public static RestRequest of(String method, String path, Map<String, List<String>> query) {
        List<String> segments = java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return new RestRequest(method, path, segments, query);
    }
}
