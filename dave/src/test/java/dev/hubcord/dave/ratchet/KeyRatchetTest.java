package dev.hubcord.dave.ratchet;

import static dev.hubcord.dave.Hex.bytes;
import static dev.hubcord.dave.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.dave.DaveException;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the sender key ratchet. Derivation (RFC 9420 §9.1 as the whitepaper references it), computed with
 * Python's hmac/hashlib independently of this code: base secret = 00 01 .. 0f;
 * key(g) = HKDF-Expand-SHA256(secret(g), uint16 16 || varint "MLS 1.0 key" || varint uint32-BE(g), 16);
 * secret(g+1) = HKDF-Expand-SHA256(secret(g), uint16 32 || varint "MLS 1.0 secret" || varint uint32-BE(g), 32).
 */
class KeyRatchetTest {

    static final byte[] BASE = bytes("000102030405060708090a0b0c0d0e0f");
    static final String KEY_0 = "58fc013108dbf996ef651e3f01658bfb";
    static final String KEY_1 = "9cddc08f0c8a7cfecabfe757dc33b039";
    static final String KEY_2 = "ef2427778fb709d7d1e070846f920024";

    @Test
    void derivesKnownKeysInAnyOrder() {
        KeyRatchet ratchet = new KeyRatchet(BASE);
        assertThat(hex(ratchet.key(2))).isEqualTo(KEY_2);
        assertThat(hex(ratchet.key(0))).isEqualTo(KEY_0);
        assertThat(hex(ratchet.key(1))).isEqualTo(KEY_1);
    }

    @Test
    void erasedGenerationsCannotComeBack() {
        KeyRatchet ratchet = new KeyRatchet(BASE);
        ratchet.key(1);
        ratchet.erase(0);
        assertThatThrownBy(() -> ratchet.key(0)).isInstanceOf(DaveException.class)
                .extracting(e -> ((DaveException) e).kind()).isEqualTo(DaveException.Kind.MISSING_CRYPTOR);
        assertThat(hex(ratchet.key(1))).isEqualTo(KEY_1);
    }

    @Test
    void wrapsEightBitGenerationsRelativeToAReference() {
        assertThat(CryptorManager.wrap(0, 5)).isEqualTo(5);
        assertThat(CryptorManager.wrap(250, 3)).isEqualTo(259);
        assertThat(CryptorManager.wrap(259, 4)).isEqualTo(260);
        assertThat(CryptorManager.wrap(515, 2)).isEqualTo(770);
    }
}
