package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.BinaryNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bytes of the files bots uploaded, so that a test can download what it sent at the attachment's {@code url}.
 * Bounded by count ({@link #MAX_FILES}) and total bytes ({@link #MAX_BYTES}): past either, the oldest files are
 * dropped (their URLs then answer 404, as an expired CDN link would); the newest file is always kept, even alone
 * above the byte bound (it is at most the upload limit). Thread-safe.
 */
public final class AttachmentStore {

    /** The most files kept. */
    public static final int MAX_FILES = 1_000;
    /** The most bytes kept, across files. */
    public static final long MAX_BYTES = 64L << 20;

    /** One stored file: where it was posted, its name and type, and its bytes. */
    public record StoredFile(long channelId, String filename, String contentType, byte[] bytes) {}

    private final Map<Long, StoredFile> files = new LinkedHashMap<>();
    private long bytes;
    private long dropped;

    /** Keeps a file under its attachment ID, dropping the oldest ones past the bounds. */
    public synchronized void put(long attachmentId, StoredFile file) {
        files.put(attachmentId, file);
        bytes += file.bytes().length;
        var eldest = files.entrySet().iterator();
        while (files.size() > 1 && (files.size() > MAX_FILES || bytes > MAX_BYTES)) {
            bytes -= eldest.next().getValue().bytes().length;
            eldest.remove();
            dropped++;
        }
    }

    /** The file uploaded as this attachment of this channel, unless unknown or dropped. */
    public synchronized Optional<StoredFile> get(long channelId, long attachmentId) {
        StoredFile f = files.get(attachmentId);
        return f == null || f.channelId() != channelId ? Optional.empty() : Optional.of(f);
    }

    /**
     * {@code GET /attachments/{channel_id}/{attachment_id}/{filename}} (the path of Discord's CDN URLs): the bytes
     * with their content type, or 404 when the file is unknown, dropped or the path does not match it.
     */
    public RestExchange.Response download(String path) {
        String[] p = path.split("/");
        if (p.length != 5 || !p[1].equals("attachments")) {
            return RestExchange.Response.error(404, 0, "404: Not Found");
        }
        String name = URLDecoder.decode(p[4], StandardCharsets.UTF_8);
        StoredFile f = get(Rest.snowflake(p[2]), Rest.snowflake(p[3])).filter(x -> x.filename().equals(name))
                .orElse(null);
        if (f == null) {
            return RestExchange.Response.error(404, 0, "404: Not Found");
        }
        return new RestExchange.Response(200, new LinkedHashMap<>(), BinaryNode.valueOf(f.bytes()))
                .withHeader("Content-Type", f.contentType());
    }

    /** Files dropped to keep the bounds. */
    public synchronized long dropped() {
        return dropped;
    }
}
