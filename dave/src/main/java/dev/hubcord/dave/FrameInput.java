package dev.hubcord.dave;

import dev.hubcord.dave.frame.FrameCipher;
import dev.hubcord.dave.frame.ProtocolFrame;

/**
 * Splits a parsed protocol frame into AEAD inputs. Opus frames have no unencrypted ranges, so their ciphertext and tag
 * are already contiguous and are decrypted in place without copies; frames with ranges (video codecs, which other
 * clients may send) get their unencrypted bytes gathered as AAD and their encrypted bytes gathered as ciphertext, and
 * the plaintext is interleaved back afterwards.
 */
final class FrameInput {

    private static final FrameInput DIRECT = new FrameInput(null, null, null, null);

    private final byte[] source;
    private final byte[] aad;
    private final byte[] ciphertextAndTag;
    private final byte[] plaintext;

    private FrameInput(byte[] source, byte[] aad, byte[] ciphertextAndTag, byte[] plaintext) {
        this.source = source;
        this.aad = aad;
        this.ciphertextAndTag = ciphertextAndTag;
        this.plaintext = plaintext;
    }

    static FrameInput of(byte[] frame, ProtocolFrame parsed) {
        if (!parsed.hasUnencryptedRanges()) {
            return DIRECT;
        }
        int[] ranges = parsed.unencryptedRanges();
        int unencrypted = 0;
        for (int i = 1; i < ranges.length; i += 2) {
            unencrypted += ranges[i];
        }
        int encrypted = parsed.mediaLength() - unencrypted;
        byte[] aad = new byte[unencrypted];
        byte[] ct = new byte[encrypted + FrameCipher.TAG_BYTES];
        int a = 0;
        int c = 0;
        int cursor = 0;
        int base = parsed.offset();
        for (int i = 0; i < ranges.length; i += 2) {
            int gap = ranges[i] - cursor;
            System.arraycopy(frame, base + cursor, ct, c, gap);
            c += gap;
            System.arraycopy(frame, base + ranges[i], aad, a, ranges[i + 1]);
            a += ranges[i + 1];
            cursor = ranges[i] + ranges[i + 1];
        }
        System.arraycopy(frame, base + cursor, ct, c, parsed.mediaLength() - cursor);
        c += parsed.mediaLength() - cursor;
        System.arraycopy(frame, parsed.tagOffset(), ct, c, FrameCipher.TAG_BYTES);
        return new FrameInput(frame, aad, ct, new byte[encrypted]);
    }

    int decrypt(FrameCipher cipher, byte[] frame, ProtocolFrame parsed, byte[] out, int outOff) {
        int nonce = parsed.truncatedNonce();
        if (this == DIRECT) {
            return cipher.decrypt(nonce, null, frame, parsed.offset(), parsed.mediaLength() + FrameCipher.TAG_BYTES,
                    out, outOff);
        }
        return cipher.decrypt(nonce, aad, ciphertextAndTag, 0, ciphertextAndTag.length, plaintext, 0);
    }

    int reconstruct(byte[] frame, ProtocolFrame parsed, byte[] out, int outOff, int plaintextLength) {
        if (this == DIRECT) {
            return plaintextLength;
        }
        int[] ranges = parsed.unencryptedRanges();
        int p = 0;
        int cursor = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            int gap = ranges[i] - cursor;
            System.arraycopy(plaintext, p, out, outOff + cursor, gap);
            p += gap;
            System.arraycopy(source, parsed.offset() + ranges[i], out, outOff + ranges[i], ranges[i + 1]);
            cursor = ranges[i] + ranges[i + 1];
        }
        System.arraycopy(plaintext, p, out, outOff + cursor, parsed.mediaLength() - cursor);
        return parsed.mediaLength();
    }
}
