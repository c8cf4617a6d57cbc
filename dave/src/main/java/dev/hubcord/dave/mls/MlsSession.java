package dev.hubcord.dave.mls;

import dev.hubcord.dave.DaveException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.TreeKEM.LifeTime;
import org.bouncycastle.mls.codec.AuthenticatedContent;
import org.bouncycastle.mls.codec.ContentType;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.Proposal;
import org.bouncycastle.mls.codec.ProposalOrRef;
import org.bouncycastle.mls.codec.ProposalOrRefType;
import org.bouncycastle.mls.codec.ProposalType;
import org.bouncycastle.mls.codec.SenderType;
import org.bouncycastle.mls.codec.Welcome;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.mls.protocol.Group;

/**
 * The MLS side of one DAVE member, following libdave's {@code mls::Session}: a leaf node and key packages for the user,
 * a pending local group (self as sole member) once version, group id and external sender are known, proposals from the
 * external sender turned into a commit (+ Welcome), and the commit or Welcome that establishes the next epoch.
 *
 * <p>Not thread-safe (the owning {@code DaveSession} serialises calls); every bcmls call runs under {@link Mls#locked}.
 */
public final class MlsSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long selfUserId;
    private AsymmetricCipherKeyPair signatureKeys;
    private byte[] signaturePrivate;
    private int protocolVersion;
    private byte[] groupId;
    private byte[] externalSenderBytes;
    private ExternalSender externalSender;
    private Group current;
    // pending state, cleared once a commit or Welcome establishes the next epoch
    private AsymmetricCipherKeyPair leafKeys;
    private LeafNode leafNode;
    private AsymmetricCipherKeyPair joinInitKeys;
    private KeyPackage joinKeyPackage;
    private Group pendingGroup;
    private final ProposalQueue queue = new ProposalQueue();
    private Group outboundNext;
    private byte[] outboundCommit;

    public MlsSession(long selfUserId) {
        this.selfUserId = selfUserId;
    }

    /**
     * Resets and starts over for a new group: new signature key, new leaf node, and a pending group as soon as the
     * external sender is known.
     *
     * <p>Unlike libdave, which keeps one signature key per connection, every init makes a new one: after an op 31 the
     * member is removed and re-added in one commit, and bcmls refuses an Add whose signature key is still in the tree.
     */
    public void init(int version, long channelId) {
        reset();
        this.protocolVersion = version;
        this.groupId = DaveMlsParameters.groupId(channelId);
        Mls.locked("create leaf node", () -> {
            signatureKeys = Mls.SUITE.generateSignatureKeyPair();
            signaturePrivate = Mls.SUITE.serializeSignaturePrivateKey(signatureKeys.getPrivate());
            leafKeys = Mls.SUITE.getHPKE().generatePrivateKey();
            leafNode = new LeafNode(Mls.SUITE, Mls.SUITE.getHPKE().serializePublicKey(leafKeys.getPublic()),
                    Mls.SUITE.serializeSignaturePublicKey(signatureKeys.getPublic()),
                    DaveMlsParameters.credential(selfUserId), DaveMlsParameters.capabilities(), new LifeTime(),
                    new ArrayList<>(), signaturePrivate);
            return null;
        });
        createPendingGroupIfReady();
    }

    /** Drops all group state; the external sender is kept (it belongs to the voice connection). */
    public void reset() {
        clearPendingState();
        current = null;
        protocolVersion = 0;
        groupId = null;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    /** Stores the gateway's external sender (op 25). Ignored once a group is established, as in libdave. */
    public boolean setExternalSender(byte[] payload) {
        if (current != null) {
            return false;
        }
        ExternalSender sender = Mls.locked("decode external sender",
                () -> (ExternalSender) MLSInputStream.decode(payload, ExternalSender.class));
        if (pendingGroup != null && !Arrays.equals(externalSenderBytes, payload)) {
            pendingGroup = null; // the pending group's extension names the old sender: rebuild it
            queue.clear();
        }
        this.externalSender = sender;
        this.externalSenderBytes = payload.clone();
        createPendingGroupIfReady();
        return true;
    }

    private void createPendingGroupIfReady() {
        if (groupId == null || externalSender == null || leafNode == null || pendingGroup != null || current != null) {
            return;
        }
        pendingGroup = Mls.locked("create pending group", () -> new Group(groupId, Mls.SUITE, leafKeys,
                signaturePrivate, leafNode.copy(leafNode.getEncryptionKey()),
                DaveMlsParameters.groupExtensions(externalSender)));
    }

    /** A fresh key package (op 26): key packages are single-use, so every call makes a new init key. */
    public byte[] keyPackage() {
        if (leafNode == null) {
            throw new DaveException(DaveException.Kind.ILLEGAL_STATE, "no leaf node: session not initialised");
        }
        return Mls.locked("create key package", () -> {
            joinInitKeys = Mls.SUITE.getHPKE().generatePrivateKey();
            joinKeyPackage = new KeyPackage(Mls.SUITE, Mls.SUITE.getHPKE().serializePublicKey(joinInitKeys.getPublic()),
                    leafNode, new ArrayList<>(), signaturePrivate);
            return MLSOutputStream.encode(joinKeyPackage);
        });
    }

    private Group proposalTarget() {
        return pendingGroup != null ? pendingGroup : current;
    }

    /**
     * Appends or revokes proposals (op 27) and commits every proposal still queued.
     *
     * @return the op 28 payload (commit, then the Welcome when members are added), or empty when there is no group,
     *     nothing left to commit, or the proposals were refused
     * @throws DaveException on malformed or invalid proposals (the caller logs them; no reply is due)
     */
    public Optional<byte[]> processProposals(byte[] payload, Set<Long> recognizedUsers) {
        Group target = proposalTarget();
        if (target == null) {
            return Optional.empty();
        }
        ProposalsPayload proposals = ProposalsPayload.parse(payload);
        queue.markSeen();
        if (proposals.revoke()) {
            queue.revoke(proposals.items());
            BcGroupAccess.removeCachedProposals(target, proposals.items());
        } else {
            for (byte[] message : proposals.items()) {
                appendProposal(target, message, recognizedUsers);
            }
        }
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Mls.locked("create commit", () -> {
            Group.GroupWithMessage result = target.commit(new Secret(randomSecret()),
                    new Group.CommitOptions(new ArrayList<>(), true, false, null), new Group.MessageOptions(),
                    new Group.CommitParameters(Group.NORMAL_COMMIT_PARAMS));
            byte[] commit = MLSOutputStream.encode(result.message);
            outboundNext = result.group;
            outboundCommit = commit;
            if (!queue.hasAdds()) {
                return commit;
            }
            byte[] welcome = MLSOutputStream.encode(result.message.welcome);
            byte[] both = Arrays.copyOf(commit, commit.length + welcome.length);
            System.arraycopy(welcome, 0, both, commit.length, welcome.length);
            return both;
        }));
    }

    private void appendProposal(Group target, byte[] message, Set<Long> recognizedUsers) {
        Mls.locked("process proposal", () -> {
            AuthenticatedContent content = MlsMessages.publicContent(message);
            var framed = content.getContent();
            if (framed.getEpoch() != target.getEpoch()) {
                throw invalid("proposal for epoch " + framed.getEpoch() + ", group is at " + target.getEpoch());
            }
            if (framed.getContentType() != ContentType.PROPOSAL) {
                throw invalid("not a proposal: " + framed.getContentType());
            }
            if (framed.getSender().getSenderType() != SenderType.EXTERNAL) {
                throw invalid("proposal not from the external sender");
            }
            Proposal proposal = framed.getProposal();
            boolean add = proposal.getProposalType() == ProposalType.ADD;
            if (add) {
                long user = DaveMlsParameters.userId(proposal.getAdd().keyPackage.getLeafNode().getCredential());
                if (!recognizedUsers.contains(user)) {
                    throw invalid("add proposal for unrecognised user " + Long.toUnsignedString(user));
                }
            } else if (proposal.getProposalType() != ProposalType.REMOVE) {
                throw invalid("proposal type " + proposal.getProposalType() + " is not allowed");
            }
            byte[] ref = MlsMessages.proposalRef(content);
            target.handle(message, null); // verifies the external sender's signature, caches the proposal
            queue.append(ref, add);
            return null;
        });
    }

    /** Processes the announced commit of the epoch (op 29). */
    public CommitOutcome processCommit(byte[] commitMessage) {
        Group target = proposalTarget();
        if (target == null || !queue.seen()) {
            return new CommitOutcome.Ignored("no proposals processed in this epoch");
        }
        try {
            return Mls.locked("process commit", () -> applyCommit(target, commitMessage));
        } catch (DaveException e) {
            return new CommitOutcome.Failed(e.getMessage());
        }
    }

    private CommitOutcome applyCommit(Group target, byte[] commitMessage) throws Exception {
        AuthenticatedContent content = MlsMessages.publicContent(commitMessage);
        var framed = content.getContent();
        if (!Arrays.equals(framed.getGroupID(), groupId)) {
            return new CommitOutcome.Ignored("commit for another group");
        }
        if (framed.getEpoch() != target.getEpoch() || framed.getContentType() != ContentType.COMMIT
                || framed.getSender().getSenderType() != SenderType.MEMBER) {
            throw invalid("commit epoch, type or sender is wrong");
        }
        for (ProposalOrRef p : framed.getCommit().getProposals()) {
            if (p.getType() != ProposalOrRefType.REFERENCE || !queue.contains(p.getReference())) {
                throw invalid("commit includes a proposal that is not a cached reference");
            }
        }
        Group next;
        if (current == null) {
            // no established group: only the commit we produced for our own pending group can apply
            if (outboundCommit == null || !Arrays.equals(outboundCommit, commitMessage)) {
                throw invalid("commit for a pending group that is not ours");
            }
            next = outboundNext;
        } else {
            next = target.handle(commitMessage, outboundNext);
        }
        Set<Long> roster = roster(next);
        current = next;
        clearPendingState();
        return new CommitOutcome.Applied(next.getEpoch(), roster);
    }

    /**
     * Joins through a Welcome (op 30).
     *
     * @return the roster of the joined group
     * @throws DaveException when the Welcome cannot be processed or the group is not a valid DAVE group
     */
    public Set<Long> processWelcome(byte[] welcomeBytes) {
        if (joinKeyPackage == null || leafKeys == null || externalSender == null || current != null) {
            throw new DaveException(DaveException.Kind.ILLEGAL_STATE, "not waiting for a Welcome");
        }
        return Mls.locked("process welcome", () -> {
            Welcome welcome = (Welcome) MLSInputStream.decode(welcomeBytes, Welcome.class);
            Group joined = new Group(Mls.SUITE.getHPKE().serializePrivateKey(joinInitKeys.getPrivate()), leafKeys,
                    signaturePrivate, joinKeyPackage, welcome, null, Collections.emptyMap(), Collections.emptyMap());
            verifyWelcomedGroup(joined);
            Set<Long> roster = roster(joined);
            current = joined;
            clearPendingState();
            return roster;
        });
    }

    private void verifyWelcomedGroup(Group joined) throws Exception {
        if (!Arrays.equals(joined.getGroupID(), groupId)) {
            throw invalid("welcome is for another group");
        }
        if (joined.getSuite().getSuiteID() != Mls.SUITE.getSuiteID()) {
            throw invalid("welcome uses ciphersuite " + joined.getSuite().getSuiteID());
        }
        var extensions = joined.getExtensions();
        if (extensions.size() != 1 || extensions.getFirst().getSenders().size() != 1
                || !Arrays.equals(MLSOutputStream.encode(extensions.getFirst().getSenders().getFirst()),
                        externalSenderBytes)) {
            throw invalid("welcome group does not carry exactly our external sender");
        }
    }

    private static Set<Long> roster(Group group) {
        Set<Long> users = new LinkedHashSet<>();
        var tree = group.getTree();
        for (int i = 0; i < tree.getSize().leafCount(); i++) {
            LeafNode leaf = tree.getLeafNode(new LeafIndex(i));
            if (leaf != null && !users.add(DaveMlsParameters.userId(leaf.getCredential()))) {
                throw invalid("duplicate user in the group");
            }
        }
        return Collections.unmodifiableSet(users);
    }

    /** The established epoch, or 0 while there is no group. */
    public long epoch() {
        return current == null ? 0 : current.getEpoch();
    }

    public boolean established() {
        return current != null;
    }

    /** The exported 16-byte media base secret of {@code userId} for the current epoch, or empty without a group. */
    public Optional<byte[]> senderBaseSecret(long userId) {
        if (current == null) {
            return Optional.empty();
        }
        Group group = current;
        return Optional.of(Mls.locked("export sender key", () -> group.getKeySchedule().MLSExporter(
                DaveMlsParameters.SENDER_KEY_LABEL, DaveMlsParameters.senderKeyContext(userId),
                DaveMlsParameters.SENDER_KEY_BYTES)));
    }

    /** The MLS epoch authenticator of the current epoch (empty without a group). */
    public byte[] epochAuthenticator() {
        Group group = current;
        return group == null ? new byte[0] : Mls.locked("epoch authenticator", () -> group.getEpochAuthenticator().clone());
    }

    private void clearPendingState() {
        pendingGroup = null;
        queue.clear();
        outboundNext = null;
        outboundCommit = null;
        joinInitKeys = null;
        joinKeyPackage = null;
        leafKeys = null;
        leafNode = null;
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[Mls.SUITE.getKDF().getHashLength()];
        RANDOM.nextBytes(secret);
        return secret;
    }

    private static DaveException invalid(String message) {
        return new DaveException(DaveException.Kind.MLS_FAILURE, message);
    }
}
