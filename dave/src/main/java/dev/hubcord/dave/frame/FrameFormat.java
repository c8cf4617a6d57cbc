package dev.hubcord.dave.frame;

/**
 * The DAVE protocol frame layout (whitepaper "Payload Format"):
 *
 * <pre>
 * interleaved media | 8-byte AES-GCM tag | ULEB128 truncated nonce | ULEB128 range pairs | supplemental size | FA FA
 * </pre>
 *
 * The supplemental size byte counts everything after the interleaved media, itself and the marker included. This class
 * writes the trailer and implements the protocol frame check that decides whether a frame is a DAVE frame.
 */
public final class FrameFormat {

    /** Bytes of the magic marker {@code 0xFAFA}. */
    public static final int MARKER_BYTES = 2;
    /** Tag, size byte and marker: the smallest possible supplemental section minus the nonce. */
    public static final int MIN_SUPPLEMENTAL_BYTES = FrameCipher.TAG_BYTES + 1 + MARKER_BYTES;
    /** Largest overhead for an Opus frame: tag 8, nonce up to 5, size 1, marker 2. */
    public static final int MAX_OPUS_OVERHEAD = MIN_SUPPLEMENTAL_BYTES + 5;
    /** Right shift that yields the generation (most significant byte) from a truncated nonce. */
    public static final int GENERATION_SHIFT = 24;
    private static final byte MARKER = (byte) 0xFA;

    /** The Opus silence frame the SFU synthesises; receivers pass it through even outside passthrough mode. */
    private static final byte[] OPUS_SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

    private FrameFormat() {
    }

    /** Whether {@code frame[off, off+len)} is exactly the Opus silence frame {@code F8 FF FE}. */
    public static boolean isOpusSilence(byte[] frame, int off, int len) {
        return len == 3 && frame[off] == OPUS_SILENCE[0] && frame[off + 1] == OPUS_SILENCE[1]
                && frame[off + 2] == OPUS_SILENCE[2];
    }

    /**
     * Writes nonce, size byte and marker after a tag that ends at {@code pos} (no unencrypted ranges: Opus).
     *
     * @return the position after the marker
     */
    public static int writeTrailer(int truncatedNonce, byte[] out, int pos) {
        long nonce = Integer.toUnsignedLong(truncatedNonce);
        int nonceSize = Uleb128.write(nonce, out, pos);
        pos += nonceSize;
        out[pos++] = (byte) (MIN_SUPPLEMENTAL_BYTES + nonceSize);
        out[pos++] = MARKER;
        out[pos++] = MARKER;
        return pos;
    }

    /**
     * The protocol frame check. Returns the parsed frame, or {@code null} when the bytes are not a DAVE frame: too
     * short, no marker, implausible supplemental size, bad ULEB128, or ranges that are out of order, overlapping or
     * outside the media part.
     */
    public static ProtocolFrame parse(byte[] frame, int off, int len) {
        if (len < MIN_SUPPLEMENTAL_BYTES) {
            return null;
        }
        int end = off + len;
        if (frame[end - 1] != MARKER || frame[end - 2] != MARKER) {
            return null;
        }
        int supplemental = frame[end - 3] & 0xFF;
        if (supplemental < MIN_SUPPLEMENTAL_BYTES || supplemental > len) {
            return null;
        }
        int mediaLength = len - supplemental;
        int sizeByte = end - 3;
        long[] value = new long[1];
        int pos = Uleb128.read(frame, off + mediaLength + FrameCipher.TAG_BYTES, sizeByte, value);
        if (pos < 0) {
            return null;
        }
        // libdave keeps the low 32 bits of whatever the ULEB128 holds
        int nonce = (int) value[0];
        int[] ranges = parseRanges(frame, pos, sizeByte, mediaLength, value);
        if (ranges == null) {
            return null;
        }
        return new ProtocolFrame(off, mediaLength, nonce, ranges);
    }

    private static final int[] NO_RANGES = new int[0];

    private static int[] parseRanges(byte[] frame, int pos, int end, int mediaLength, long[] value) {
        if (pos == end) {
            return NO_RANGES;
        }
        int[] ranges = new int[8];
        int count = 0;
        long previousEnd = 0;
        while (pos < end) {
            pos = Uleb128.read(frame, pos, end, value);
            if (pos < 0) {
                return null;
            }
            long rangeOffset = value[0];
            pos = Uleb128.read(frame, pos, end, value);
            if (pos < 0) {
                return null;
            }
            long rangeSize = value[0];
            // ascending, non-overlapping, inside the media part (all values are small and non-negative here)
            if (rangeOffset < 0 || rangeSize < 0 || rangeOffset < previousEnd || rangeOffset > mediaLength
                    || rangeSize > mediaLength - rangeOffset) {
                return null;
            }
            previousEnd = rangeOffset + rangeSize;
            if (count + 2 > ranges.length) {
                ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[count++] = (int) rangeOffset;
            ranges[count++] = (int) rangeSize;
        }
        return java.util.Arrays.copyOf(ranges, count);
    }
}
