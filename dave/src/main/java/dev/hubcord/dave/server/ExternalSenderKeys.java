package dev.hubcord.dave.server;

import dev.hubcord.dave.mls.DaveMlsParameters;
import dev.hubcord.dave.mls.Mls;
import dev.hubcord.dave.mls.MlsMessages;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.Proposal;

/**
 * The voice gateway as MLS external sender: a P-256 signature key pair, its {@code ExternalSender} (op 25 payload),
 * and signed external Add and Remove proposals (sender index 0, the only external sender).
 */
final class ExternalSenderKeys {

    /** A signed proposal message and its reference. */
    record SignedProposal(byte[] message, byte[] ref) {
    }

    private final byte[] signaturePrivate;
    private final byte[] externalSender;

    ExternalSenderKeys(long channelId) {
        AsymmetricCipherKeyPair keys = Mls.locked("external sender key", Mls.SUITE::generateSignatureKeyPair);
        this.signaturePrivate = Mls.locked("external sender key",
                () -> Mls.SUITE.serializeSignaturePrivateKey(keys.getPrivate()));
        this.externalSender = Mls.locked("external sender", () -> MLSOutputStream.encode(new ExternalSender(
                Mls.SUITE.serializeSignaturePublicKey(keys.getPublic()), DaveMlsParameters.credential(channelId))));
    }

    /** The op 25 payload. */
    byte[] externalSenderPackage() {
        return externalSender.clone();
    }

    SignedProposal add(byte[] groupId, long epoch, KeyPackage keyPackage) {
        return sign("external add", groupId, epoch, () -> Proposal.add(keyPackage));
    }

    SignedProposal remove(byte[] groupId, long epoch, int leafIndex) {
        return sign("external remove", groupId, epoch, () -> Proposal.remove(new LeafIndex(leafIndex)));
    }

    private SignedProposal sign(String what, byte[] groupId, long epoch, Mls.MlsCall<Proposal> proposal) {
        return Mls.locked(what, () -> {
            MLSMessage message = MLSMessage.externalProposal(Mls.SUITE, groupId, epoch, proposal.call(), 0,
                    signaturePrivate);
            byte[] encoded = MLSOutputStream.encode(message);
            return new SignedProposal(encoded, MlsMessages.proposalRef(MlsMessages.publicContent(encoded)));
        });
    }
}
