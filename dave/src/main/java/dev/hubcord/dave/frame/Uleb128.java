package dev.hubcord.dave.frame;

/**
 * Unsigned LEB128, as DAVE uses it for the truncated nonce and the unencrypted ranges: 7 bits per byte, least
 * significant group first, high bit set on every byte but the last. Values are unsigned 64-bit.
 */
public final class Uleb128 {

    /** The longest encoding of a 64-bit value. */
    public static final int MAX_BYTES = 10;

    private Uleb128() {
    }

    /** Number of bytes {@link #write} produces for {@code value} (unsigned). */
    public static int size(long value) {
        int size = 1;
        while (Long.compareUnsigned(value, 0x80) >= 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    /** Writes {@code value} at {@code offset} and returns the number of bytes written. */
    public static int write(long value, byte[] out, int offset) {
        int i = offset;
        while (Long.compareUnsigned(value, 0x80) >= 0) {
            out[i++] = (byte) (0x80 | (value & 0x7F));
            value >>>= 7;
        }
        out[i++] = (byte) value;
        return i - offset;
    }

    /**
     * Reads one value from {@code in[pos, end)}.
     *
     * @param value receives the decoded value in element 0
     * @return the position after the value, or -1 when the input ends before the terminating byte or the value does
     *     not fit in 64 bits
     */
    public static int read(byte[] in, int pos, int end, long[] value) {
        long result = 0;
        int shift = 0;
        while (pos < end && shift < 63) {
            int b = in[pos++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                value[0] = result;
                return pos;
            }
        }
        // nine groups read (63 bits): a tenth byte may carry only the top bit
        if (pos < end && (in[pos] & 0xFF) <= 1) {
            value[0] = result | ((long) in[pos] << 63);
            return pos + 1;
        }
        return -1;
    }
}
