package dev.hubcord.discordsim.gateway;

import java.util.List;

/**
 * Turns one gateway payload into the websocket message(s) that carry it. {@code compress=zlib-stream} and
 * {@code compress=zstd-stream} keep one compression context for the whole connection, exactly like Discord: a later
 * message cannot be decoded without all earlier ones.
 */
public sealed interface TransportCompression permits TransportCompression.Plain, ZlibStream, ZstdStream {

    /** One websocket message: text (uncompressed JSON) or binary (compressed bytes). */
    record Message(byte[] bytes, boolean binary) {}

    /** Encodes one payload; must be called in payload order, from one thread at a time. */
    List<Message> encode(byte[] json);

    /** Frees native resources. */
    void close();

    /** The {@code compress} query value this encoder implements, or "none". */
    String name();

    /**
     * The encoder for a {@code compress} query value; null when the value is unknown.
     *
     * @param splitZlib spread each zlib payload over two websocket messages (clients must buffer until the suffix)
     */
    static TransportCompression forQuery(String compress, boolean splitZlib) {
        if (compress == null || compress.isEmpty()) {
            return new Plain();
        }
        return switch (compress) {
            case "zlib-stream" -> new ZlibStream(splitZlib);
            case "zstd-stream" -> new ZstdStream();
            default -> null;
        };
    }

    /** No transport compression: each payload is one text message. */
    final class Plain implements TransportCompression {
        @Override
        public List<Message> encode(byte[] json) {
            return List.of(new Message(json, false));
        }

        @Override
        public void close() {}

        @Override
        public String name() {
            return "none";
        }
    }
}
