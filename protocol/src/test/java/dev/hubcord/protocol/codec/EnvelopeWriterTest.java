package dev.hubcord.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeWriterTest {

    @Test
    void writesAnEventAroundTheOriginalBytesOfD() {
        byte[] frame = "{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"d\":{\"raw\":\"caf\u00e9 \\u2603\",\"n\":1.50}}"
                .getBytes(StandardCharsets.UTF_8);
        Envelope in = EnvelopeScanner.scan(frame);
        byte[] out = EnvelopeWriter.event("EXECUTE_COMMAND", 42, in.bytes(), in.dStart(), in.dEnd());
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"s\":42,\"d\":{\"raw\":\"caf\u00e9 \\u2603\",\"n\":1.50}}");
        Envelope again = EnvelopeScanner.scan(out);
        assertThat(again.dText()).isEqualTo(in.dText());
    }

    @Test
    void addsRedeliveredToD() throws Exception {
        byte[] d = "{\"command\":\"ban\"}".getBytes(StandardCharsets.UTF_8);
        JsonNode tree = Json.mapper().readTree(EnvelopeWriter.withRedelivered(d, 0, d.length));
        assertThat(tree.get("command").asText()).isEqualTo("ban");
        assertThat(tree.get("redelivered").asBoolean()).isTrue();
    }

    @Test
    void writesControlPayloads() {
        assertThat(new String(EnvelopeWriter.control(4, "null"), StandardCharsets.UTF_8)).isEqualTo("{\"op\":4,\"d\":null}");
    }
}
