package dev.hubcord.dave.frame;

import static dev.hubcord.dave.Hex.bytes;
import static dev.hubcord.dave.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Known answers for ULEB128. Expected bytes follow the whitepaper's algorithm by hand: split the value into 7-bit
 * groups, least significant first, set the high bit on all but the last (e.g. 300 = 0b10_0101100 -> AC 02; the same
 * values were cross-checked with a five-line Python encoder).
 */
class Uleb128Test {

    @ParameterizedTest
    @CsvSource({
        "0, 00",
        "1, 01",
        "127, 7f",
        "128, 8001",
        "300, ac02",
        "16777215, ffffff07",
        "16777216, 80808008",
        "4294967295, ffffffff0f",
        "-1, ffffffffffffffffff01"
    })
    void encodesAndDecodesKnownValues(long value, String expectedHex) {
        byte[] out = new byte[Uleb128.MAX_BYTES];
        int n = Uleb128.write(value, out, 0);
        assertThat(hex(java.util.Arrays.copyOf(out, n))).isEqualTo(expectedHex);
        assertThat(Uleb128.size(value)).isEqualTo(n);

        byte[] encoded = bytes(expectedHex);
        long[] decoded = new long[1];
        assertThat(Uleb128.read(encoded, 0, encoded.length, decoded)).isEqualTo(encoded.length);
        assertThat(decoded[0]).isEqualTo(value);
    }

    @Test
    void rejectsTruncatedAndOverlongInput() {
        long[] value = new long[1];
        byte[] truncated = bytes("8080");
        assertThat(Uleb128.read(truncated, 0, truncated.length, value)).isEqualTo(-1);
        byte[] overlong = bytes("ffffffffffffffffff02");
        assertThat(Uleb128.read(overlong, 0, overlong.length, value)).isEqualTo(-1);
        byte[] empty = new byte[0];
        assertThat(Uleb128.read(empty, 0, 0, value)).isEqualTo(-1);
    }

    @Test
    void readsWithinBoundsOnly() {
        byte[] twoValues = bytes("ac02" + "05");
        long[] value = new long[1];
        int pos = Uleb128.read(twoValues, 0, 1, value);
        assertThat(pos).as("end bound cuts the first value").isEqualTo(-1);
        pos = Uleb128.read(twoValues, 0, 3, value);
        assertThat(pos).isEqualTo(2);
        assertThat(Uleb128.read(twoValues, pos, 3, value)).isEqualTo(3);
        assertThat(value[0]).isEqualTo(5);
    }
}
