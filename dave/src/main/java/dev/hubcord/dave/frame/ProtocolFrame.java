package dev.hubcord.dave.frame;

/**
 * A frame that passed the DAVE protocol frame check, described by offsets into the caller's array (nothing is copied).
 *
 * @param offset start of the frame in the array
 * @param mediaLength length of the interleaved media part (ciphertext plus unencrypted ranges)
 * @param truncatedNonce the 32-bit truncated synchronisation nonce
 * @param unencryptedRanges offset/length pairs relative to {@code offset}, ascending; empty for Opus
 */
public record ProtocolFrame(int offset, int mediaLength, int truncatedNonce, int[] unencryptedRanges) {

    /** Position of the 8-byte tag: right after the interleaved media. */
    public int tagOffset() {
        return offset + mediaLength;
    }

    /** The generation byte: the most significant byte of the truncated nonce. */
    public int generation() {
        return truncatedNonce >>> FrameFormat.GENERATION_SHIFT;
    }

    public boolean hasUnencryptedRanges() {
        return unencryptedRanges.length > 0;
    }
}
