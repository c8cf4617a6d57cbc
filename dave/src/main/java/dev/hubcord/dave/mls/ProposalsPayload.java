package dev.hubcord.dave.mls;

import dev.hubcord.dave.DaveException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;

/**
 * The op 27 payload: {@code uint8 operation_type} (0 append, 1 revoke), then {@code MLSMessage proposal_messages<V>}
 * for append or {@code ProposalRef proposal_refs<V>} (each an {@code opaque<V>}) for revoke.
 *
 * @param revoke whether this revokes earlier proposals
 * @param items the encoded proposal messages (append) or the raw proposal references (revoke)
 */
public record ProposalsPayload(boolean revoke, List<byte[]> items) {

    /** Parses an op 27 payload (the bytes after the opcode). */
    public static ProposalsPayload parse(byte[] payload) {
        TlsCodec.Reader reader = new TlsCodec.Reader(payload, 0, payload.length);
        int operation = reader.readUint8();
        if (operation > 1) {
            throw new DaveException(DaveException.Kind.MALFORMED_PAYLOAD, "unknown proposals operation " + operation);
        }
        TlsCodec.Reader vector = reader.vector();
        if (reader.hasMore()) {
            throw new DaveException(DaveException.Kind.MALFORMED_PAYLOAD, "trailing bytes after proposals");
        }
        if (operation == 1) {
            return new ProposalsPayload(true, vector.readOpaqueList());
        }
        int from = vector.position();
        int to = reader.position();
        byte[] slice = java.util.Arrays.copyOfRange(payload, from, to);
        return new ProposalsPayload(false, Mls.locked("parse proposal messages", () -> splitMessages(slice)));
    }

    private static List<byte[]> splitMessages(byte[] slice) throws Exception {
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < slice.length) {
            byte[] rest = java.util.Arrays.copyOfRange(slice, pos, slice.length);
            MLSMessage message = (MLSMessage) new MLSInputStream(rest).read(MLSMessage.class);
            // re-encoding a parsed message is byte-identical, so its length is the message boundary
            byte[] encoded = MLSOutputStream.encode(message);
            if (encoded.length == 0 || encoded.length > rest.length) {
                throw new DaveException(DaveException.Kind.MALFORMED_PAYLOAD, "bad proposal message");
            }
            out.add(encoded);
            pos += encoded.length;
        }
        return out;
    }

    /** Encodes this payload (without the opcode byte). */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(revoke ? 1 : 0);
        if (revoke) {
            TlsCodec.writeVector(out, items.stream().map(TlsCodec::opaque).toList());
        } else {
            TlsCodec.writeVector(out, items);
        }
        return out.toByteArray();
    }
}
