package dev.hubcord.audio.voice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.transport.FrameTransform;

/**
 * The end-to-end encryption (DAVE) side of one voice connection. The connection asks it for the version to put in
 * Identify, lets it register its opcode handlers, tells it the negotiated version from Session Description, and
 * installs its {@link FrameTransform} in the UDP transport. {@link dev.hubcord.audio.e2ee.MlsDaveSession} (DAVE v1,
 * the worker's default) answers ops 21-31 through the {@link Outbound} it is given; {@link #PASSTHROUGH} is version 0
 * (a server requiring DAVE closes it with 4017).
 */
public interface DaveSession {

    /** {@code max_dave_protocol_version} for Identify. */
    int maxProtocolVersion();

    /** Registers handlers for the DAVE opcodes (and users connecting/leaving). */
    void register(OpcodeRegistry registry, Outbound outbound);

    /** Session Description arrived with this {@code dave_protocol_version}. */
    void start(int protocolVersion);

    /** The frame stage to use from now on. */
    FrameTransform frameTransform();

    /** The voice session ended (new identify coming or connection destroyed). */
    void reset();

    /** How a DAVE session sends to the voice gateway. */
    interface Outbound {
        void sendJson(int op, JsonNode d);

        /** Sends a client binary frame: {@code u8 op | payload} (clients send no seq). */
        void sendBinary(int op, byte[] payload);
    }

    /** Makes one session per voice connection. */
    @FunctionalInterface
    interface Factory {
        DaveSession create(long userId, long channelId);
    }

    /** No DAVE: version 0, frames pass through, DAVE opcodes are ignored. */
    Factory PASSTHROUGH = (userId, channelId) -> new DaveSession() {
        @Override
        public int maxProtocolVersion() {
            return 0;
        }

        @Override
        public void register(OpcodeRegistry registry, Outbound outbound) {
            // nothing to handle without DAVE
        }

        @Override
        public void start(int protocolVersion) {
            // version 0: passthrough
        }

        @Override
        public FrameTransform frameTransform() {
            return FrameTransform.PASSTHROUGH;
        }

        @Override
        public void reset() {
            // no state
        }
    };
}
