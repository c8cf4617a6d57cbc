package dev.hubcord.protocol.codec;

import java.util.Arrays;

/** A growable byte array that refuses to grow past a limit: the guard against decompression bombs. */
final class BoundedOutput {

    private final int limit;
    private byte[] bytes;
    private int size;

    BoundedOutput(int limit, int initialCapacity) {
        this.limit = limit;
        this.bytes = new byte[Math.min(initialCapacity, limit)];
    }

    void reset() {
        size = 0;
    }

    /** Makes room for {@code n} more bytes, or throws TOO_LARGE when that would pass the limit. */
    void ensure(int n) {
        if ((long) size + n > limit) {
            throw new ProtocolException(
                    ProtocolException.Kind.TOO_LARGE, "payload larger than " + limit + " bytes after decompression");
        }
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, size + n)));
        }
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void advance(int n) {
        size += n;
    }

    /** The bytes written so far, as a new array. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** How much may still be written before the limit. */
    int remaining() {
        return limit - size;
    }
}
