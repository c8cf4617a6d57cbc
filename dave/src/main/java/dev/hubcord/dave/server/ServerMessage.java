package dev.hubcord.dave.server;

import dev.hubcord.dave.DaveProtocol;

/**
 * A DAVE message from the voice gateway to one client. Binary messages ({@link Binary}) are sent as
 * {@code uint16 seq || uint8 opcode || payload()} (the transport adds the seq); the others are JSON
 * {@code {"op":…,"d":…}} with {@link Json#data()} as {@code d}.
 */
public sealed interface ServerMessage {

    int opcode();

    /** A binary server message. */
    sealed interface Binary extends ServerMessage {
        /** The payload after the opcode byte (transition id included for ops 29 and 30). */
        byte[] payload();
    }

    /** A JSON server message. */
    sealed interface Json extends ServerMessage {
        /** The JSON object for {@code d}. */
        String data();

        default String toJson() {
            return "{\"op\":" + opcode() + ",\"d\":" + data() + "}";
        }
    }

    /** Op 25. */
    record ExternalSenderPackage(byte[] payload) implements Binary {
        @Override
        public int opcode() {
            return DaveProtocol.OP_MLS_EXTERNAL_SENDER;
        }
    }

    /** Op 27. */
    record Proposals(byte[] payload) implements Binary {
        @Override
        public int opcode() {
            return DaveProtocol.OP_MLS_PROPOSALS;
        }
    }

    /** Op 29: {@code uint16 transition_id || MLSMessage commit}. */
    record AnnounceCommit(int transitionId, byte[] commit) implements Binary {
        @Override
        public int opcode() {
            return DaveProtocol.OP_MLS_ANNOUNCE_COMMIT_TRANSITION;
        }

        @Override
        public byte[] payload() {
            return withTransitionId(transitionId, commit);
        }
    }

    /** Op 30: {@code uint16 transition_id || Welcome}. */
    record Welcome(int transitionId, byte[] welcome) implements Binary {
        @Override
        public int opcode() {
            return DaveProtocol.OP_MLS_WELCOME;
        }

        @Override
        public byte[] payload() {
            return withTransitionId(transitionId, welcome);
        }
    }

    /** Op 21. */
    record PrepareTransition(int transitionId, int protocolVersion) implements Json {
        @Override
        public int opcode() {
            return DaveProtocol.OP_PREPARE_TRANSITION;
        }

        @Override
        public String data() {
            return "{\"protocol_version\":" + protocolVersion + ",\"transition_id\":" + transitionId + "}";
        }
    }

    /** Op 22. */
    record ExecuteTransition(int transitionId) implements Json {
        @Override
        public int opcode() {
            return DaveProtocol.OP_EXECUTE_TRANSITION;
        }

        @Override
        public String data() {
            return "{\"transition_id\":" + transitionId + "}";
        }
    }

    /** Op 24. */
    record PrepareEpoch(long epoch, int protocolVersion) implements Json {
        @Override
        public int opcode() {
            return DaveProtocol.OP_PREPARE_EPOCH;
        }

        @Override
        public String data() {
            return "{\"protocol_version\":" + protocolVersion + ",\"epoch\":" + epoch + "}";
        }
    }

    private static byte[] withTransitionId(int transitionId, byte[] body) {
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) (transitionId >>> 8);
        out[1] = (byte) transitionId;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}
