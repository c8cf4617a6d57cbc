package dev.hubcord.dave;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubcord.dave.frame.FrameFormat;
import dev.hubcord.dave.frame.ProtocolFrame;
import java.util.Arrays;

/**
 * Fuzz targets for what DAVE reads from the network: the voice gateway's binary MLS messages (ops 25, 27, 29, 30 in
 * {@code seq | op | payload} frames) and the media frames a member receives. The documented behaviour is that each
 * either works or throws {@link DaveException}; any other exception (an MLS library's parse error leaking, an index
 * out of bounds in the frame trailer) is a finding.
 */
class DaveFuzzTest {

    /** An established two-member group, built once: MLS set-up costs milliseconds, far more than one input. */
    private static final VoiceRoom ROOM = new VoiceRoom();

    static {
        ROOM.join(DaveEndToEndTest.BOT);
        ROOM.join(DaveEndToEndTest.ALICE);
    }

    /**
     * The binary messages of one voice connection, each a two-byte big-endian length and that many bytes, to a fresh
     * session of the bot that knows Alice (so a proposal adding her is acted on).
     */
    @FuzzTest
    void binaryMessages(byte[] data) {
        DaveSession session = new DaveSession(DaveEndToEndTest.BOT, VoiceRoom.CHANNEL);
        session.addUser(DaveEndToEndTest.ALICE);
        session.onSelectProtocolAck(DaveProtocol.MAX_PROTOCOL_VERSION);
        int at = 0;
        while (at < data.length) {
            int length = at + 2 <= data.length ? ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF) : 0;
            at = Math.min(at + 2, data.length);
            length = Math.min(length, data.length - at);
            byte[] message = Arrays.copyOfRange(data, at, at + length);
            at += length;
            try {
                ServerBinaryFrame frame = ServerBinaryFrame.parse(message);
                for (DaveOutbound out : session.onBinary(frame.opcode(), frame.payload())) {
                    // what the session answers must be sendable
                    switch (out) {
                        case DaveOutbound.Binary binary -> assertThat(binary.frame()).isNotEmpty();
                        case DaveOutbound.Json json -> assertThat(json.toJson()).startsWith("{\"op\":");
                    }
                }
            } catch (DaveException expected) {
                // refused; the voice connection logs it and carries on or reconnects
            }
        }
    }

    /**
     * A media frame as received from the bot: Alice's decryptor either decrypts it, passes it through or throws
     * {@link DaveException}. The same bytes are then sent as plaintext through the bot's encryptor, and Alice must
     * get exactly them back (a forged tag is out of a fuzzer's reach, so this is how the success path gets fuzzed).
     */
    @FuzzTest
    void mediaFrames(byte[] data) {
        FrameDecryptor alice = ROOM.sessions.get(DaveEndToEndTest.ALICE).decryptor(DaveEndToEndTest.BOT);
        ProtocolFrame parsed = FrameFormat.parse(data, 0, data.length);
        if (parsed != null) {
            assertThat(parsed.mediaLength()).isBetween(0, data.length);
        }
        try {
            assertThat(alice.decrypt(data).length).isLessThanOrEqualTo(data.length);
        } catch (DaveException expected) {
            // dropped by the receive loop
        }
        if (data.length == 0) {
            return;
        }
        byte[] sent = ROOM.sessions.get(DaveEndToEndTest.BOT).encryptor().encrypt(data);
        assertThat(alice.decrypt(sent)).isEqualTo(data);
    }
}
