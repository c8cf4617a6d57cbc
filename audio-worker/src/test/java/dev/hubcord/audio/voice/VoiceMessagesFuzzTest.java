package dev.hubcord.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.e2ee.MlsDaveSession;
import dev.hubcord.dave.DaveException;
import dev.hubcord.protocol.codec.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz target for the voice gateway messages the audio worker reads: text (JSON) and binary ({@code u16 seq | u8 op
 * | payload}) WebSocket messages, decoded as {@link VoiceSocket} does and dispatched through an
 * {@link OpcodeRegistry} to the worker's DAVE session ({@link MlsDaveSession}: ops 11, 13, 21, 22, 24 and binary 25,
 * 27, 29, 30). The documented behaviour: a message is handled, ignored, or fails with a JSON parse error,
 * {@link DaveException} or {@link AudioException}, which close the voice connection for a resume; any other
 * exception is a finding. Input: messages, each a two-byte big-endian length and that many bytes; a message
 * starting with {@code t} is a text message (the rest is the JSON), any other a binary one.
 */
class VoiceMessagesFuzzTest {

    private static final long BOT = 104_694_319_306_248_192L;
    private static final long CHANNEL = 1_234_567_890_123L;

    @FuzzTest
    void voiceMessages(byte[] data) {
        MlsDaveSession dave = new MlsDaveSession(BOT, CHANNEL);
        OpcodeRegistry registry = new OpcodeRegistry();
        dave.register(registry, new DaveSession.Outbound() {
            @Override
            public void sendJson(int op, JsonNode d) {
                assertThat(d).isNotNull();
            }

            @Override
            public void sendBinary(int op, byte[] payload) {
                assertThat(payload).isNotNull();
            }
        });
        dave.start(1);
        int at = 0;
        while (at < data.length) {
            int length = at + 2 <= data.length ? ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF) : 0;
            at = Math.min(at + 2, data.length);
            length = Math.min(length, data.length - at);
            byte[] message = Arrays.copyOfRange(data, at, at + length);
            at += length;
            try {
                receive(registry, message);
            } catch (JacksonException | DaveException | AudioException expected) {
                return; // the connection closes and resumes
            }
        }
    }

    /** What {@link VoiceSocket}'s handler does with one message. */
    private static void receive(OpcodeRegistry registry, byte[] message) throws JacksonException {
        if (message.length > 0 && message[0] == 't') {
            JsonNode msg = Json.mapper().readTree(new String(message, 1, message.length - 1, StandardCharsets.UTF_8));
            if (msg != null) {
                registry.dispatchJson(msg.path("op").asInt(-1), msg.path("d"));
            }
        } else if (message.length >= 3) {
            registry.dispatchBinary(message[2] & 0xFF, ByteBuffer.wrap(message, 3, message.length - 3).slice());
        }
    }
}
