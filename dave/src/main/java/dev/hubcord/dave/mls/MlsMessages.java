package dev.hubcord.dave.mls;

import java.util.Arrays;
import org.bouncycastle.mls.codec.AuthenticatedContent;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.WireFormat;

/**
 * Read access to the framed content of MLS PublicMessages, which bcmls keeps package-private. An encoded
 * {@code MLSMessage} is {@code uint16 version || uint16 wire_format || FramedContent || auth [|| membership_tag]}, and
 * an encoded {@code AuthenticatedContent} is {@code uint16 wire_format || FramedContent || auth}: so dropping the first
 * two bytes and decoding yields the authenticated content (the trailing membership tag is ignored by the decoder).
 * The delivery service uses this to inspect commits it cannot decrypt, clients to validate proposals before caching.
 * Call under {@link Mls#locked}.
 */
public final class MlsMessages {

    /** The label of RFC 9420's proposal reference hash. */
    private static final String PROPOSAL_REF_LABEL = "MLS 1.0 Proposal Reference";

    private MlsMessages() {
    }

    /** Decodes the authenticated content of an encoded PublicMessage. */
    public static AuthenticatedContent publicContent(byte[] encodedMessage) throws Exception {
        MLSMessage message = (MLSMessage) MLSInputStream.decode(encodedMessage, MLSMessage.class);
        if (message.wireFormat != WireFormat.mls_public_message) {
            throw new IllegalArgumentException("not a PublicMessage: " + message.wireFormat);
        }
        return (AuthenticatedContent) MLSInputStream.decode(
                Arrays.copyOfRange(encodedMessage, 2, encodedMessage.length), AuthenticatedContent.class);
    }

    /** The proposal reference (RFC 9420 §5.2) of an authenticated proposal. */
    public static byte[] proposalRef(AuthenticatedContent proposal) throws Exception {
        return Mls.SUITE.refHash(MLSOutputStream.encode(proposal), PROPOSAL_REF_LABEL);
    }
}
