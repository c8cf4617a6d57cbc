package dev.hubcord.audio.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.audio.AudioException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpDiscoveryTest {

    @Test
    void requestAndResponseFollowTheSeventyFourByteLayout() {
        ByteBuffer req = IpDiscovery.request(0x01020304);
        assertThat(req.remaining()).isEqualTo(74);
        assertThat(req.getShort(0)).isEqualTo((short) 1);
        assertThat(req.getShort(2)).isEqualTo((short) 70);
        assertThat(req.getInt(4)).isEqualTo(0x01020304);
        ByteBuffer resp = ByteBuffer.allocate(74).putShort((short) 2).putShort((short) 70).putInt(7);
        resp.put("203.0.113.7".getBytes()).position(72);
        resp.putShort((short) 50001).flip();
        var addr = IpDiscovery.parse(resp);
        assertThat(addr.getHostString()).isEqualTo("203.0.113.7");
        assertThat(addr.getPort()).isEqualTo(50001);
    }

    @Test
    void malformedResponsesAreRefused() {
        assertThatThrownBy(() -> IpDiscovery.parse(ByteBuffer.allocate(20))).isInstanceOf(AudioException.class);
        ByteBuffer wrongType = ByteBuffer.allocate(74).putShort((short) 1).putShort((short) 70);
        assertThatThrownBy(() -> IpDiscovery.parse(wrongType.position(74).flip())).isInstanceOf(AudioException.class);
        assertThat(EncryptionMode.choose(List.of("xsalsa20_poly1305"))).isNull();
        assertThat(EncryptionMode.choose(List.of("aead_xchacha20_poly1305_rtpsize", "aead_aes256_gcm_rtpsize")))
                .isEqualTo(EncryptionMode.AEAD_AES256_GCM_RTPSIZE);
        assertThatThrownBy(() -> TransportCipher.create(EncryptionMode.AEAD_AES256_GCM_RTPSIZE, new byte[16]))
                .isInstanceOf(AudioException.class);
    }
}
