package dev.hubcord.audio.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubcord.audio.AudioException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Fuzz target for the one UDP datagram the audio worker reads (it only sends RTP): the voice server's IP discovery
 * answer. It either yields an address and port or throws {@link AudioException} of kind {@code VOICE}.
 */
class IpDiscoveryFuzzTest {

    @FuzzTest
    void response(byte[] data) {
        InetSocketAddress address;
        try {
            address = IpDiscovery.parse(ByteBuffer.wrap(data));
        } catch (AudioException expected) {
            assertThat(expected.kind()).isEqualTo(AudioException.Kind.VOICE);
            return;
        }
        assertThat(address.getPort()).isBetween(0, 65535);
        assertThat(address.getHostString().length()).isLessThanOrEqualTo(64);
    }
}
