package dev.hubcord.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.protocol.Opcode;
import dev.hubcord.protocol.Payload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    @Test
    void roundTrips() {
        Payload p = new Payload(Opcode.EVENT, "REPLY", 7L, PayloadCodec.object().put("nonce", "n"));
        Payload back = PayloadCodec.decode(PayloadCodec.encode(p));
        assertThat(back).isEqualTo(p);
        assertThat(new String(PayloadCodec.encode(Payload.of(Opcode.HEARTBEAT, null)), StandardCharsets.UTF_8))
                .isEqualTo("{\"op\":1,\"d\":null}");
    }

    @Test
    void unknownTopLevelFieldsAreIgnored() {
        Payload p = PayloadCodec.decode("{\"op\":4,\"d\":null,\"extra\":[1,2]}".getBytes(StandardCharsets.UTF_8));
        assertThat(p.op()).isEqualTo(Opcode.HEARTBEAT_ACK);
    }

    @Test
    void classifiesErrors() {
        assertThatThrownBy(() -> PayloadCodec.decode("{\"op\":99,\"d\":null}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.UNKNOWN_OPCODE));
        assertThatThrownBy(() -> PayloadCodec.decode("{\"op\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_PAYLOAD));
        assertThatThrownBy(() -> PayloadCodec.decode("{op".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_JSON));
    }
}
