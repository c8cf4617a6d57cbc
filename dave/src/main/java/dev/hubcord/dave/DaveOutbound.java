package dev.hubcord.dave;

/**
 * What a {@link DaveSession} wants sent to the voice gateway in reply to a DAVE message, in order. Binary messages go
 * out as binary WebSocket frames {@code uint8 opcode || payload} (clients send no sequence number); JSON messages as
 * text frames.
 */
public sealed interface DaveOutbound {

    /** The voice gateway opcode. */
    int opcode();

    /** A binary client message. */
    sealed interface Binary extends DaveOutbound {
        /** The payload after the opcode byte. */
        byte[] payload();

        /** The complete binary frame: opcode byte then payload. */
        default byte[] frame() {
            byte[] payload = payload();
            byte[] frame = new byte[payload.length + 1];
            frame[0] = (byte) opcode();
            System.arraycopy(payload, 0, frame, 1, payload.length);
            return frame;
        }
    }

    /** A JSON client message. */
    sealed interface Json extends DaveOutbound {
        /** The {@code transition_id} it carries. */
        int transitionId();

        /** The complete message, e.g. {@code {"op":23,"d":{"transition_id":5}}}. */
        default String toJson() {
            return "{\"op\":" + opcode() + ",\"d\":{\"transition_id\":" + transitionId() + "}}";
        }
    }

    /** Op 26: a key package (bare TLS-encoded {@code KeyPackage}, as libdave sends it). */
    record KeyPackage(byte[] payload) implements Binary {
        @Override
        public int opcode() {
            return DaveProtocol.OP_MLS_KEY_PACKAGE;
        }
    }

    /** Op 28: the commit ({@code MLSMessage}) followed by the bare {@code Welcome} when it adds members. */
    record CommitWelcome(byte[] payload) implements Binary {
        @Override
        public int opcode() {
            return DaveProtocol.OP_MLS_COMMIT_WELCOME;
        }
    }

    /** Op 23: ready for the transition. */
    record ReadyForTransition(int transitionId) implements Json {
        @Override
        public int opcode() {
            return DaveProtocol.OP_TRANSITION_READY;
        }
    }

    /** Op 31: the commit or Welcome of this transition could not be processed. */
    record InvalidCommitWelcome(int transitionId) implements Json {
        @Override
        public int opcode() {
            return DaveProtocol.OP_MLS_INVALID_COMMIT_WELCOME;
        }
    }
}
