package dev.hubcord.dave.frame;

import static dev.hubcord.dave.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The protocol frame check on well-formed and malformed trailers. */
class FrameFormatTest {

    /** 20-byte Opus frame encrypted with nonce 1; see FrameTransformTest for how it was derived. */
    static final byte[] OPUS_FRAME = bytes("2721fde2a61481405e6b0fbe795ad45ab302cd6b77827d4ccf10468b010cfafa");

    @Test
    void parsesAnOpusProtocolFrame() {
        ProtocolFrame parsed = FrameFormat.parse(OPUS_FRAME, 0, OPUS_FRAME.length);
        assertThat(parsed).isNotNull();
        assertThat(parsed.mediaLength()).isEqualTo(20);
        assertThat(parsed.truncatedNonce()).isEqualTo(1);
        assertThat(parsed.generation()).isZero();
        assertThat(parsed.hasUnencryptedRanges()).isFalse();
    }

    @Test
    void parsesAtAnOffset() {
        byte[] padded = new byte[OPUS_FRAME.length + 7];
        System.arraycopy(OPUS_FRAME, 0, padded, 5, OPUS_FRAME.length);
        ProtocolFrame parsed = FrameFormat.parse(padded, 5, OPUS_FRAME.length);
        assertThat(parsed).isNotNull();
        assertThat(parsed.tagOffset()).isEqualTo(25);
    }

    @Test
    void writesTheTrailerLayout() {
        byte[] out = new byte[10];
        int end = FrameFormat.writeTrailer(0x01000000, out, 0);
        // ULEB128(2^24) = 80 80 80 08; size = tag 8 + nonce 4 + size 1 + marker 2 = 15
        assertThat(java.util.Arrays.copyOf(out, end)).isEqualTo(bytes("808080080ffafa"));
    }

    @Test
    void rejectsFramesThatAreNotProtocolFrames() {
        assertThat(FrameFormat.parse(bytes("fafa"), 0, 2)).as("too short").isNull();
        byte[] noMarker = OPUS_FRAME.clone();
        noMarker[noMarker.length - 1] = 0x00;
        assertThat(FrameFormat.parse(noMarker, 0, noMarker.length)).as("marker").isNull();
        byte[] tinySize = OPUS_FRAME.clone();
        tinySize[tinySize.length - 3] = 10;
        assertThat(FrameFormat.parse(tinySize, 0, tinySize.length)).as("size below minimum").isNull();
        byte[] hugeSize = OPUS_FRAME.clone();
        hugeSize[hugeSize.length - 3] = (byte) 200;
        assertThat(FrameFormat.parse(hugeSize, 0, hugeSize.length)).as("size beyond frame").isNull();
        byte[] badNonce = OPUS_FRAME.clone();
        badNonce[badNonce.length - 4] = (byte) 0x81; // continuation bit with nothing after it
        assertThat(FrameFormat.parse(badNonce, 0, badNonce.length)).as("unterminated nonce").isNull();
    }

    @Test
    void rejectsOverlappingOrOutOfBoundsRanges() {
        // media 4 bytes, tag 8, nonce 01, ranges (2,1),(1,1) out of order, size 8+1+4+1+2 = 16
        byte[] outOfOrder = bytes("00000000" + "0000000000000000" + "01" + "02010101" + "10" + "fafa");
        assertThat(FrameFormat.parse(outOfOrder, 0, outOfOrder.length)).isNull();
        // range (3,5) runs past the 4 media bytes
        byte[] past = bytes("00000000" + "0000000000000000" + "01" + "0305" + "0e" + "fafa");
        assertThat(FrameFormat.parse(past, 0, past.length)).isNull();
        // a dangling offset without a length
        byte[] dangling = bytes("00000000" + "0000000000000000" + "01" + "03" + "0d" + "fafa");
        assertThat(FrameFormat.parse(dangling, 0, dangling.length)).isNull();
        byte[] valid = bytes("00000000" + "0000000000000000" + "01" + "00010201" + "10" + "fafa");
        assertThat(FrameFormat.parse(valid, 0, valid.length).unencryptedRanges()).containsExactly(0, 1, 2, 1);
    }

    @Test
    void recognisesOnlyTheExactSilenceFrame() {
        assertThat(FrameFormat.isOpusSilence(bytes("f8fffe"), 0, 3)).isTrue();
        assertThat(FrameFormat.isOpusSilence(bytes("f8fffe00"), 0, 4)).isFalse();
        assertThat(FrameFormat.isOpusSilence(bytes("f8ffff"), 0, 3)).isFalse();
    }
}
