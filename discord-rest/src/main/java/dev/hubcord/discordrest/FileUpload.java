package dev.hubcord.discordrest;

import java.util.Objects;

/**
 * A file sent with a message (multipart {@code files[n]}), referenced from the message as {@code attachment://name}.
 *
 * @param description alt text, or null
 */
public record FileUpload(String name, byte[] content, String contentType, String description) {

    public FileUpload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isBlank() || name.contains("/") || name.contains("\"")) {
            throw new IllegalArgumentException("a file name without / or \": " + name);
        }
        contentType = contentType == null ? "application/octet-stream" : contentType;
    }

    public static FileUpload of(String name, byte[] content) {
        return new FileUpload(name, content, null, null);
    }
}
