package dev.hubcord.dave.server;

import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.mls.Mls;
import dev.hubcord.dave.mls.MlsMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.mls.codec.AuthenticatedContent;
import org.bouncycastle.mls.codec.ContentType;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.ProposalOrRef;
import org.bouncycastle.mls.codec.ProposalOrRefType;
import org.bouncycastle.mls.codec.SenderType;
import org.bouncycastle.mls.codec.Welcome;

/**
 * An op 28 payload split and read the way the gateway can without group secrets: the commit is a plaintext
 * PublicMessage, followed by an optional bare Welcome.
 *
 * @param commit the encoded commit message (forwarded unchanged in op 29)
 * @param welcome the encoded Welcome, or {@code null}
 * @param groupId the commit's group id
 * @param epoch the epoch the commit applies to
 * @param refs the proposal references, in commit order
 * @param committerSignatureKey the signature key in the commit's update path leaf, or {@code null} without a path
 */
record InspectedCommit(byte[] commit, byte[] welcome, byte[] groupId, long epoch, List<byte[]> refs,
        byte[] committerSignatureKey) {

    /**
     * Splits and inspects an op 28 payload.
     *
     * @throws DaveException {@code MLS_FAILURE} when the payload is not a member's plaintext commit that only
     *     references proposals, or the trailing bytes are not a Welcome
     */
    static InspectedCommit parse(byte[] payload) {
        return Mls.locked("inspect commit", () -> {
            MLSMessage message = (MLSMessage) new MLSInputStream(payload).read(MLSMessage.class);
            byte[] commit = MLSOutputStream.encode(message);
            if (commit.length > payload.length || !Arrays.equals(commit, 0, commit.length, payload, 0, commit.length)) {
                throw invalid("commit does not re-encode to its own bytes");
            }
            byte[] welcome = null;
            if (commit.length < payload.length) {
                welcome = Arrays.copyOfRange(payload, commit.length, payload.length);
                MLSInputStream.decode(welcome, Welcome.class); // must at least parse
            }
            AuthenticatedContent content = MlsMessages.publicContent(commit);
            var framed = content.getContent();
            if (framed.getContentType() != ContentType.COMMIT || framed.getSender().getSenderType() != SenderType.MEMBER) {
                throw invalid("not a member commit");
            }
            List<byte[]> refs = new ArrayList<>();
            for (ProposalOrRef p : framed.getCommit().getProposals()) {
                if (p.getType() != ProposalOrRefType.REFERENCE) {
                    throw invalid("commit carries a proposal by value");
                }
                refs.add(p.getReference());
            }
            var path = framed.getCommit().getUpdatePath();
            byte[] signatureKey = path == null ? null : path.getLeafNode().getSignatureKey();
            return new InspectedCommit(commit, welcome, framed.getGroupID(), framed.getEpoch(), refs, signatureKey);
        });
    }

    private static DaveException invalid(String message) {
        return new DaveException(DaveException.Kind.MLS_FAILURE, message);
    }
}
