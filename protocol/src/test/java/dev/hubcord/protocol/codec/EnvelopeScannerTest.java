package dev.hubcord.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeScannerTest {

    private static Envelope scan(String json) {
        return EnvelopeScanner.scan(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsOpTAndTheExactBytesOfD() {
        Envelope e = scan("{\"t\":\"EXECUTE_COMMAND\",\"d\":{\"command\":\"ban\",\"ids\":{\"guild\":\"1\"}},\"op\":2}");
        assertThat(e.op()).isEqualTo(2);
        assertThat(e.t()).isEqualTo("EXECUTE_COMMAND");
        assertThat(e.dKind()).isEqualTo(Envelope.DataKind.OBJECT);
        assertThat(e.dText()).isEqualTo("{\"command\":\"ban\",\"ids\":{\"guild\":\"1\"}}");
    }

    @Test
    void readsRoutingFieldsOnlyAtTheTopOfD() {
        Envelope e = scan("{\"op\":2,\"d\":{\"nested\":{\"guildID\":\"9\",\"nonce\":\"x\"},\"guild_id\":\"41771983423143937\","
                + "\"nonce\":\"n1\",\"shard\":3,\"t\":\"GUILD_MEMBER_ADD\",\"s\":12}}");
        assertThat(e.guildId()).isEqualTo("41771983423143937");
        assertThat(e.nonce()).isEqualTo("n1");
        assertThat(e.shard()).isEqualTo(3);
        assertThat(e.dispatchName()).isEqualTo("GUILD_MEMBER_ADD");
        assertThat(e.seq()).isEqualTo(12);
    }

    @Test
    void readsTheTopLevelPublishSequenceAndMarksABadOne() {
        assertThat(scan("{\"ps\":17,\"op\":5,\"d\":{\"ps\":3}}").publishSeq()).isEqualTo(17);
        assertThat(scan("{\"op\":5,\"d\":{\"ps\":3}}").publishSeq()).isEqualTo(Envelope.ABSENT);
        assertThat(scan("{\"op\":5,\"ps\":0,\"d\":{}}").publishSeq()).isEqualTo(Envelope.INVALID);
        assertThat(scan("{\"op\":5,\"ps\":\"1\",\"d\":{}}").publishSeq()).isEqualTo(Envelope.INVALID);
        Envelope nested = scan("{\"op\":5,\"ps\":{\"a\":[1]},\"d\":{\"type\":\"user\"}}");
        assertThat(nested.publishSeq()).isEqualTo(Envelope.INVALID);
        assertThat(nested.dText()).isEqualTo("{\"type\":\"user\"}");
    }

    @Test
    void handlesScalarAndNullD() {
        assertThat(scan("{\"op\":1,\"d\":null}").dKind()).isEqualTo(Envelope.DataKind.NULL);
        assertThat(scan("{\"op\":1,\"d\":null}").dText()).isEqualTo("null");
        Envelope s = scan("{\"op\":1,\"d\":\"text with \\\"quotes\\\"\"}");
        assertThat(s.dKind()).isEqualTo(Envelope.DataKind.OTHER);
        assertThat(s.dText()).isEqualTo("\"text with \\\"quotes\\\"\"");
        assertThat(scan("{\"op\":1,\"d\":12345}").dText()).isEqualTo("12345");
        assertThat(scan("{\"op\":1,\"d\":[1,[2]]}").dText()).isEqualTo("[1,[2]]");
    }

    @Test
    void offsetsAreRelativeToTheWholeArray() {
        byte[] padded = "xxxxx{\"op\":2,\"d\":{\"a\":1}}yyy".getBytes(StandardCharsets.UTF_8);
        Envelope e = EnvelopeScanner.scan(padded, 5, padded.length - 8);
        assertThat(e.dText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void flagsIllTypedFields() {
        assertThat(scan("{\"op\":7,\"d\":{\"s\":\"5\"}}").seq()).isEqualTo(Envelope.INVALID);
        assertThat(scan("{\"op\":7,\"d\":{}}").seq()).isEqualTo(Envelope.ABSENT);
        assertThatThrownBy(() -> scan("{\"op\":2,\"d\":{\"shard\":\"0\"}}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_PAYLOAD));
        assertThatThrownBy(() -> scan("{\"op\":2,\"d\":{\"guildID\":{}}}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_PAYLOAD));
        assertThatThrownBy(() -> scan("{\"op\":2.5,\"d\":null}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_PAYLOAD));
        assertThatThrownBy(() -> scan("{\"op\":2,\"t\":5,\"d\":null}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_PAYLOAD));
    }

    @Test
    void rejectsMissingOpOrD() {
        assertThatThrownBy(() -> scan("{\"d\":null}")).hasMessageContaining("missing op");
        assertThatThrownBy(() -> scan("{\"op\":1}")).hasMessageContaining("missing d");
        assertThatThrownBy(() -> scan("[]")).hasMessageContaining("object");
    }

    @Test
    void rejectsBrokenJsonAsInvalidJson() {
        for (String bad : new String[] {"{", "{\"op\":1,\"d\":nul}", "{\"op\":1,\"d\":null}}", "", "\u0000"}) {
            assertThatThrownBy(() -> scan(bad)).as(bad)
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_JSON));
        }
        byte[] invalidUtf8 = {'{', '"', 'o', 'p', '"', ':', '1', ',', '"', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> EnvelopeScanner.scan(invalidUtf8)).isInstanceOf(ProtocolException.class);
    }
}
