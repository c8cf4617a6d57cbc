package dev.hubcord.dave;

/**
 * A binary frame from the voice gateway: {@code uint16 BE seq || uint8 opcode || payload}. The seq counts for the
 * heartbeat's {@code seq_ack} like the JSON {@code seq}.
 */
public record ServerBinaryFrame(int sequence, int opcode, byte[] payload) {

    /** Parses a server binary frame. */
    public static ServerBinaryFrame parse(byte[] frame) {
        if (frame.length < 3) {
            throw new DaveException(DaveException.Kind.MALFORMED_PAYLOAD, "binary frame of " + frame.length + " bytes");
        }
        int seq = (frame[0] & 0xFF) << 8 | frame[1] & 0xFF;
        return new ServerBinaryFrame(seq, frame[2] & 0xFF, java.util.Arrays.copyOfRange(frame, 3, frame.length));
    }

    /** Encodes a server binary frame (for simulators). */
    public static byte[] encode(int sequence, int opcode, byte[] payload) {
        byte[] frame = new byte[payload.length + 3];
        frame[0] = (byte) (sequence >>> 8);
        frame[1] = (byte) sequence;
        frame[2] = (byte) opcode;
        System.arraycopy(payload, 0, frame, 3, payload.length);
        return frame;
    }
}
