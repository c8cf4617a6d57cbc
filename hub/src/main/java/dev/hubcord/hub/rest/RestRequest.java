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
        return new RestRequest(method, path, split(path), query);
    }

    /** The non-empty segments between slashes; a plain loop, since this runs for every request. */
    private static List<String> split(String path) {
        java.util.ArrayList<String> segments = new java.util.ArrayList<>(8);
        int start = 0;
        int n = path.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                if (i > start) {
                    segments.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return java.util.Collections.unmodifiableList(segments);
    }
}
