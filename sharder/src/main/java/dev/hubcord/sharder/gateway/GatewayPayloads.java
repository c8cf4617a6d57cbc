package dev.hubcord.sharder.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.io.UncheckedIOException;
import java.net.URI;

/** The payloads a shard writes itself (IDENTIFY, RESUME, heartbeat) and the connect URL. */
final class GatewayPayloads {

    /** Discord closes with 4002 for a payload over this many bytes. */
    static final int MAX_SEND_BYTES = 4096;

    private GatewayPayloads() {}

    static byte[] identify(ShardOptions options, int shard, int shardCount) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("token", options.token());
        d.put("intents", options.intents());
        ObjectNode properties = d.putObject("properties");
        properties.put("os", System.getProperty("os.name", "linux").toLowerCase(java.util.Locale.ROOT));
        properties.put("browser", "hubcord");
        properties.put("device", "hubcord");
        d.put("compress", false);
        d.put("large_threshold", options.largeThreshold());
        d.putArray("shard").add(shard).add(shardCount);
        return payload(2, d);
    }

    static byte[] resume(String token, String sessionId, long seq) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("token", token);
        d.put("session_id", sessionId);
        d.put("seq", seq);
        return payload(6, d);
    }

    static byte[] heartbeat(long seq) {
        return ("{\"op\":1,\"d\":" + (seq > 0 ? Long.toString(seq) : "null") + "}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] payload(int op, Object d) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("op", op);
        p.set("d", Json.mapper().valueToTree(d));
        try {
            return Json.mapper().writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code base?v=10&encoding=json[&compress=…]}. A base without a path gets {@code /}; an existing
     * query (none is expected) is replaced.
     */
    static URI connectUri(String base, String compress) {
        URI uri = URI.create(base.trim());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = "v=10&encoding=json" + (compress == null ? "" : "&compress=" + compress);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query);
    }
}
