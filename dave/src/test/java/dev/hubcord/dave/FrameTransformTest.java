package dev.hubcord.dave;

import static dev.hubcord.dave.Hex.bytes;
import static dev.hubcord.dave.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.dave.ratchet.KeyRatchet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Known-answer and behaviour tests of the media transform. The expected frames were computed with Python's
 * {@code cryptography} AESGCM, independently of this code: key = ratchet key(g) for base secret 00..0f (see
 * KeyRatchetTest), nonce = 8 zero bytes || uint32-LE(truncated nonce), AAD empty, tag = first 8 bytes of the GCM tag,
 * frame = ciphertext || tag || ULEB128(nonce) || (8 + nonce bytes + 3) || FA FA.
 */
class FrameTransformTest {

    static final byte[] BASE = bytes("000102030405060708090a0b0c0d0e0f");
    static final byte[] OPUS = bytes("fcfffe0102030405060708090a0b0c0d0e0f1011");
    static final String FRAME_NONCE_1 = "2721fde2a61481405e6b0fbe795ad45ab302cd6b77827d4ccf10468b010cfafa";
    static final String FRAME_NONCE_2 = "aa876ebb24ba793b797f18c033b5f431203cc6cfcf02af964c5a7101020cfafa";
    /** Nonce 2^24 (generation 1), key(1): nonce ULEB128 takes 4 bytes, size byte 15. */
    static final String FRAME_GENERATION_1 =
            "326f6dd8d413d8ab93fa920a35c4bf1e3024821856ae6e84ae016861808080080ffafa";
    /** Nonce 3, unencrypted range (0, 2) used as AAD, the other 18 bytes encrypted (a video-style frame). */
    static final String FRAME_WITH_RANGE = "fcff6f31ba4575713ab7a838e5cf7456675a39d2670aa5eaad290af50300020efafa";

    /** The last three nonces of generation 0 (0xFFFFFD..0xFFFFFF), key(0), derived as above. */
    static final String FRAME_FFFFFD =
            "2816ce633d3816ab90d194f0b3fad902305bcbb1f04504b29af56321fdffff070ffafa";
    static final String FRAME_FFFFFE =
            "50dd2504d69852a12bf78c3d80987311865db0028c69e70b7fc5ef1ffeffff070ffafa";
    static final String FRAME_FFFFFF =
            "d89562d512b074074b59ca34af8d2e88e276acd0d6c5efb8fb47e1f5ffffff070ffafa";

    private final TestClock clock = new TestClock();

    private FrameDecryptor decryptorWithBase() {
        FrameDecryptor decryptor = new FrameDecryptor(42, clock);
        decryptor.transitionToKeyRatchet(new KeyRatchet(BASE));
        return decryptor;
    }

    @Test
    void encryptsToTheKnownLayout() {
        FrameEncryptor encryptor = new FrameEncryptor();
        encryptor.setKeyRatchet(new KeyRatchet(BASE));
        assertThat(encryptor.protocolVersion()).isEqualTo(1);
        assertThat(hex(encryptor.encrypt(OPUS))).isEqualTo(FRAME_NONCE_1);
        assertThat(hex(encryptor.encrypt(OPUS))).isEqualTo(FRAME_NONCE_2);
        assertThat(FrameEncryptor.maxEncryptedSize(OPUS.length)).isEqualTo(OPUS.length + 16);
    }

    @Test
    void decryptsKnownFramesBitExactly() {
        FrameDecryptor decryptor = decryptorWithBase();
        assertThat(decryptor.decrypt(bytes(FRAME_NONCE_1))).isEqualTo(OPUS);
        assertThat(decryptor.decrypt(bytes(FRAME_WITH_RANGE))).as("range frame, nonce 3").isEqualTo(OPUS);
        assertThat(decryptor.decrypt(bytes(FRAME_NONCE_2))).as("late frame, skipped nonce").isEqualTo(OPUS);
        assertKind(() -> decryptor.decrypt(bytes(FRAME_NONCE_2)), DaveException.Kind.INVALID_NONCE);
    }

    @Test
    void refusesReplayAndTampering() {
        FrameDecryptor decryptor = decryptorWithBase();
        decryptor.decrypt(bytes(FRAME_NONCE_1));
        assertKind(() -> decryptor.decrypt(bytes(FRAME_NONCE_1)), DaveException.Kind.INVALID_NONCE);
        byte[] tampered = bytes(FRAME_NONCE_2);
        tampered[3] ^= 1;
        assertKind(() -> decryptor.decrypt(tampered), DaveException.Kind.DECRYPTION_FAILED);
        byte[] badTag = bytes(FRAME_NONCE_2);
        badTag[22] ^= 1;
        assertKind(() -> decryptor.decrypt(badTag), DaveException.Kind.DECRYPTION_FAILED);
        assertThat(decryptor.decrypt(bytes(FRAME_NONCE_2))).as("failed attempts do not burn the nonce")
                .isEqualTo(OPUS);
    }

    @Test
    void passthroughRulesAndSilence() {
        FrameEncryptor encryptor = new FrameEncryptor();
        assertThat(encryptor.protocolVersion()).isZero();
        assertThat(encryptor.encrypt(OPUS)).as("version 0 passes through").isEqualTo(OPUS);
        encryptor.setKeyRatchet(new KeyRatchet(BASE));
        assertThat(encryptor.encrypt(bytes("f8fffe"))).as("silence is never encrypted").isEqualTo(bytes("f8fffe"));

        FrameDecryptor decryptor = new FrameDecryptor(7, clock);
        assertKind(() -> decryptor.decrypt(OPUS), DaveException.Kind.NOT_ENCRYPTED);
        assertKind(() -> decryptor.decrypt(bytes(FRAME_NONCE_1)), DaveException.Kind.MISSING_KEY_RATCHET);
        assertThat(decryptor.decrypt(bytes("f8fffe"))).isEqualTo(bytes("f8fffe"));
        decryptor.transitionToPassthrough(true);
        assertThat(decryptor.protocolVersion()).isZero();
        assertThat(decryptor.decrypt(OPUS)).isEqualTo(OPUS);
        decryptor.transitionToPassthrough(false);
        assertThat(decryptor.decrypt(OPUS)).as("passthrough lingers 10 s").isEqualTo(OPUS);
        clock.advanceSeconds(10.5);
        assertKind(() -> decryptor.decrypt(OPUS), DaveException.Kind.NOT_ENCRYPTED);
    }

    @Test
    void laterGenerationsNeedRatchetAgeAndOldOnesExpire() {
        FrameDecryptor decryptor = decryptorWithBase();
        assertThat(decryptor.decrypt(bytes(FRAME_FFFFFD))).isEqualTo(OPUS);
        // generation 1 needs 2^24 frames at 170 frames/s: about 98,690 s of ratchet age
        assertKind(() -> decryptor.decrypt(bytes(FRAME_GENERATION_1)), DaveException.Kind.MISSING_CRYPTOR);
        clock.advanceSeconds(98_700);
        assertThat(decryptor.decrypt(bytes(FRAME_GENERATION_1))).isEqualTo(OPUS);
        clock.advanceSeconds(5);
        assertThat(decryptor.decrypt(bytes(FRAME_FFFFFF))).as("old generation kept 10 s").isEqualTo(OPUS);
        clock.advanceSeconds(6);
        assertKind(() -> decryptor.decrypt(bytes(FRAME_FFFFFE)), DaveException.Kind.MISSING_CRYPTOR);
    }

    @Test
    void refusesGenerationsBeyondTheGap() {
        FrameDecryptor decryptor = decryptorWithBase();
        clock.advanceSeconds(1e9); // old enough for any generation
        byte[] far = bytes(FRAME_NONCE_1);
        // rewrite the nonce to generation 251 (0xFB000001): 5-byte ULEB128, so rebuild the trailer
        byte[] frame = new byte[20 + 8 + 5 + 3];
        System.arraycopy(far, 0, frame, 0, 28);
        dev.hubcord.dave.frame.FrameFormat.writeTrailer(0xFB000001, frame, 28);
        assertKind(() -> decryptor.decrypt(frame), DaveException.Kind.MISSING_CRYPTOR);
    }

    @Test
    void olderEpochsStayUsableForTenSeconds() {
        FrameDecryptor decryptor = decryptorWithBase();
        decryptor.transitionToKeyRatchet(new KeyRatchet(bytes("ffeeddccbbaa99887766554433221100")));
        assertThat(decryptor.decrypt(bytes(FRAME_NONCE_1))).as("previous epoch still tried").isEqualTo(OPUS);
        clock.advanceSeconds(10.5);
        assertKind(() -> decryptor.decrypt(bytes(FRAME_NONCE_2)), DaveException.Kind.DECRYPTION_FAILED);
    }

    @Test
    void rejectsSmallOutputBuffers() {
        FrameEncryptor encryptor = new FrameEncryptor();
        encryptor.setKeyRatchet(new KeyRatchet(BASE));
        assertKind(() -> encryptor.encrypt(OPUS, 0, OPUS.length, new byte[OPUS.length + 4], 0),
                DaveException.Kind.BUFFER_TOO_SMALL);
    }

    static void assertKind(ThrowingCallable call, DaveException.Kind kind) {
        assertThatThrownBy(call).isInstanceOf(DaveException.class)
                .extracting(e -> ((DaveException) e).kind()).isEqualTo(kind);
    }
}
