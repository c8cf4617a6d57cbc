package dev.hubcord.discordrest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response: status, headers (looked up case-insensitively) and the JSON body ({@code MissingNode} for none). */
public record RestResponse(int status, Map<String, List<String>> headers, JsonNode body) {

    public RestResponse {
        body = body == null ? MissingNode.getInstance() : body;
    }

    /** The first value of a header, ignoring case (HTTP/2 sends lower-case names). */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    /** A header as seconds (Discord sends decimals), or empty when absent or malformed. */
    public Optional<Double> seconds(String name) {
        return header(name).flatMap(v -> {
            try {
                return Optional.of(Double.parseDouble(v.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
