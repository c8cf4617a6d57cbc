package dev.hubcord.dave.mls;

import dev.hubcord.dave.DaveException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The few TLS-presentation pieces DAVE payloads need around MLS objects: RFC 9420 variable-length integers (§2.1.2)
 * and vectors of opaque items, used by op 27 (proposal vectors and proposal-ref vectors).
 */
public final class TlsCodec {

    private TlsCodec() {
    }

    /** Writes an RFC 9420 varint (1, 2 or 4 bytes; values up to 2^30 - 1). */
    public static void writeVarint(ByteArrayOutputStream out, int value) {
        if (value < 0 || value >= 1 << 30) {
            throw new IllegalArgumentException("varint out of range: " + value);
        }
        if (value < 64) {
            out.write(value);
        } else if (value < 1 << 14) {
            out.write(0x40 | value >>> 8);
            out.write(value);
        } else {
            out.write(0x80 | value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
        }
    }

    /** Writes {@code items} as a vector: varint total length, then each item as is. */
    public static void writeVector(ByteArrayOutputStream out, List<byte[]> items) {
        int total = 0;
        for (byte[] item : items) {
            total += item.length;
        }
        writeVarint(out, total);
        for (byte[] item : items) {
            out.writeBytes(item);
        }
    }

    /** Encodes one opaque value: varint length then the bytes. */
    public static byte[] opaque(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 4);
        writeVarint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** A cursor over a byte array that reads varints and opaque values, failing with {@code MALFORMED_PAYLOAD}. */
    public static final class Reader {
        private final byte[] data;
        private int pos;
        private final int end;

        public Reader(byte[] data, int pos, int end) {
            this.data = data;
            this.pos = pos;
            this.end = end;
        }

        public int position() {
            return pos;
        }

        public boolean hasMore() {
            return pos < end;
        }

        public int readUint8() {
            need(1);
            return data[pos++] & 0xFF;
        }

        public int readVarint() {
            int first = readUint8();
            int prefix = first >>> 6;
            return switch (prefix) {
                case 0 -> first;
                case 1 -> (first & 0x3F) << 8 | readUint8();
                case 2 -> (first & 0x3F) << 24 | readUint8() << 16 | readUint8() << 8 | readUint8();
                default -> throw malformed("invalid varint prefix");
            };
        }

        /** Reads a varint length and returns a reader limited to that many bytes, advancing past them. */
        public Reader vector() {
            int length = readVarint();
            need(length);
            Reader inner = new Reader(data, pos, pos + length);
            pos += length;
            return inner;
        }

        public byte[] readOpaque() {
            int length = readVarint();
            need(length);
            byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return out;
        }

        /** All opaque values until the end of this reader. */
        public List<byte[]> readOpaqueList() {
            List<byte[]> out = new ArrayList<>();
            while (hasMore()) {
                out.add(readOpaque());
            }
            return out;
        }

        private void need(int n) {
            if (n < 0 || end - pos < n) {
                throw malformed("payload ends early");
            }
        }

        private static DaveException malformed(String message) {
            return new DaveException(DaveException.Kind.MALFORMED_PAYLOAD, message);
        }
    }
}
