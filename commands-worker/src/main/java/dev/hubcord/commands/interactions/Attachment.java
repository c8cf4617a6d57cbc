package dev.hubcord.commands.interactions;

import com.fasterxml.jackson.databind.JsonNode;

/** An attachment option's file, from the interaction's {@code resolved.attachments}. */
public record Attachment(String id, String filename, String contentType, long size, String url, String proxyUrl) {

    static Attachment of(JsonNode a) {
        return new Attachment(a.path("id").asText(), a.path("filename").asText(), a.path("content_type").asText(null),
                a.path("size").asLong(), a.path("url").asText(null), a.path("proxy_url").asText(null));
    }
}
