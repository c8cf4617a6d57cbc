package dev.hubcord.dave.server;

import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.DaveProtocol;
import dev.hubcord.dave.mls.DaveMlsParameters;
import dev.hubcord.dave.mls.ProposalsPayload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.mls.codec.KeyPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice gateway's DAVE side for one voice channel, as a simulated voice server needs it: the MLS delivery service
 * and sole external sender (whitepaper "Delivery Service", reference §5.5). Transport-independent: each method takes
 * one client event and returns the messages to send, in order, as {@link Delivery} values.
 *
 * <p>It creates the external sender key pair (op 25), validates key packages (op 26) and answers them with external Add
 * proposals (op 27), proposes Removes on disconnect and on op 31, revokes adds of users who left before being
 * committed, picks the first valid commit of an epoch (op 28 → op 29 to the members, op 30 with the Welcome to each
 * joiner), runs transitions (op 23 from every participant → op 22), does sole-member resets, and downgrades to and
 * upgrades from protocol version 0. It tracks leaf indices without key material ({@link LeafRoster}).
 *
 * <p>Not part of this class: op 11/13 (clients connect/disconnect), which the simulator sends from the same
 * connect/disconnect events, and transition timeouts ({@link #executeTransitionNow()}). Thread-safe (synchronized).
 */
public final class DaveDeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(DaveDeliveryService.class);

    private record Transition(int id, int version, Set<Long> awaiting, Set<Long> participants) {
    }

    private static final class Member {
        KeyPackage keyPackage;
        byte[] signatureKey;
    }

    private final byte[] groupId;
    private final ExternalSenderKeys sender;
    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final LeafRoster roster = new LeafRoster();
    private final ProposalBook proposals = new ProposalBook();
    private int protocolVersion = DaveProtocol.MAX_PROTOCOL_VERSION;
    private boolean established;
    private long epoch;
    private Transition transition;
    private int lastTransitionId;

    public DaveDeliveryService(long channelId) {
        this.groupId = DaveMlsParameters.groupId(channelId);
        this.sender = new ExternalSenderKeys(channelId);
    }

    /** The op 25 payload. */
    public synchronized byte[] externalSenderPackage() {
        return sender.externalSenderPackage();
    }

    public synchronized int protocolVersion() {
        return protocolVersion;
    }

    /** The epoch proposals are currently made for (0 while no group is established). */
    public synchronized long epoch() {
        return epoch;
    }

    public synchronized boolean established() {
        return established;
    }

    /** The users in the group, in leaf order. */
    public synchronized Set<Long> groupMembers() {
        return roster.users();
    }

    /** A DAVE-capable user connected: they get the external sender. */
    public synchronized List<Delivery> connect(long userId) {
        members.putIfAbsent(userId, new Member());
        List<Delivery> out = new ArrayList<>();
        if (protocolVersion > DaveProtocol.DISABLED_VERSION) {
            out.add(new Delivery(userId, new ServerMessage.ExternalSenderPackage(sender.externalSenderPackage())));
        }
        return out;
    }

    /**
     * Op 26. Validates the key package (signature, ciphersuite 2, basic credential naming this user, lifetime 0 ..
     * 2^64-1) and proposes adding the user.
     *
     * @throws DaveException {@code MLS_FAILURE} for an invalid key package (the gateway would close the connection)
     */
    public synchronized List<Delivery> onKeyPackage(long userId, byte[] payload) {
        Member member = members.get(userId);
        if (member == null) {
            throw new DaveException(DaveException.Kind.ILLEGAL_STATE, "key package from unknown user " + userId);
        }
        member.keyPackage = KeyPackages.validate(payload, userId);
        member.signatureKey = member.keyPackage.getLeafNode().getSignatureKey();
        List<Delivery> out = new ArrayList<>();
        if (protocolVersion == DaveProtocol.DISABLED_VERSION) {
            return out;
        }
        for (ProposalBook.Entry stale : proposals.removeAbout(userId, true)) {
            out.addAll(revoke(stale));
        }
        int leaf = roster.indexOf(userId);
        if (established && leaf >= 0 && !proposals.hasRemoveFor(userId)) {
            out.addAll(proposeRemove(userId, leaf));
        }
        out.addAll(proposeAdd(userId));
        if (!established) {
            // a late pending member gets the adds already in flight for the others
            for (ProposalBook.Entry e : proposals.entries()) {
                if (e.subject != userId && e.recipients.add(userId)) {
                    out.add(proposalsTo(userId, List.of(e.message)));
                }
            }
        }
        return out;
    }

    /** Op 28. Broadcasts the first valid commit of the epoch; invalid, late or early commits yield nothing. */
    public synchronized List<Delivery> onCommitWelcome(long userId, byte[] payload) {
        InspectedCommit commit;
        try {
            commit = InspectedCommit.parse(payload);
        } catch (DaveException e) {
            LOG.info("commit from {} refused: {}", userId, e.getMessage());
            return List.of();
        }
        String problem = commitProblem(userId, commit);
        if (problem != null) {
            LOG.info("commit from {} for epoch {} refused: {}", userId, commit.epoch(), problem);
            return List.of();
        }
        return acceptCommit(userId, commit);
    }

    private String commitProblem(long committer, InspectedCommit commit) {
        if (protocolVersion == DaveProtocol.DISABLED_VERSION) {
            return "protocol version 0";
        }
        if (!Arrays.equals(commit.groupId(), groupId) || commit.epoch() != epoch) {
            return "wrong group or epoch (gateway epoch " + epoch + ")";
        }
        Member member = members.get(committer);
        if (member == null || (established ? roster.indexOf(committer) < 0 : member.keyPackage == null)) {
            return "committer is not a member";
        }
        if (!proposals.matchesSentTo(committer, commit.refs())) {
            return "does not reference exactly the unrevoked proposals of the epoch";
        }
        if (commit.committerSignatureKey() != null && !Arrays.equals(commit.committerSignatureKey(), member.signatureKey)) {
            return "committer changed its signature key";
        }
        boolean adds = commit.refs().stream().anyMatch(ref -> proposals.byRef(ref).add);
        return adds && commit.welcome() == null ? "adds members without a Welcome" : null;
    }

    private List<Delivery> acceptCommit(long committer, InspectedCommit commit) {
        Set<Long> before = established ? roster.users() : Set.of(committer);
        if (!established) {
            roster.clear();
            roster.add(committer);
        }
        List<ProposalBook.Entry> applied = commit.refs().stream().map(proposals::byRef).toList();
        for (ProposalBook.Entry e : applied) {
            if (!e.add) {
                roster.blank(e.removedLeaf);
            }
        }
        List<Long> joiners = new ArrayList<>();
        for (ProposalBook.Entry e : applied) {
            if (e.add) {
                roster.add(e.subject);
                joiners.add(e.subject);
            }
        }
        roster.truncate();
        established = true;
        epoch++;
        proposals.clear();
        int id = nextTransitionId();
        Set<Long> participants = roster.users();
        transition = new Transition(id, protocolVersion, new LinkedHashSet<>(participants), participants);
        List<Delivery> out = new ArrayList<>();
        for (long user : before) {
            if (participants.contains(user)) {
                out.add(new Delivery(user, new ServerMessage.AnnounceCommit(id, commit.commit())));
            }
        }
        for (long user : joiners) {
            out.add(new Delivery(user, new ServerMessage.Welcome(id, commit.welcome())));
            members.get(user).keyPackage = null; // a key package is single-use
        }
        out.addAll(reproposeForNewEpoch());
        return out;
    }

    /** Members who still wait to be added, or who left without being removed, get proposals for the new epoch. */
    private List<Delivery> reproposeForNewEpoch() {
        List<Delivery> out = new ArrayList<>();
        for (long user : roster.users()) {
            if (!members.containsKey(user)) {
                out.addAll(proposeRemove(user, roster.indexOf(user)));
            }
        }
        for (Map.Entry<Long, Member> e : members.entrySet()) {
            if (e.getValue().keyPackage != null && roster.indexOf(e.getKey()) < 0) {
                out.addAll(proposeAdd(e.getKey()));
            }
        }
        return out;
    }

    /** Op 23. When every participant is ready, op 22 goes to all of them. */
    public synchronized List<Delivery> onReadyForTransition(long userId, int transitionId) {
        if (transition == null || transition.id() != transitionId) {
            return List.of();
        }
        transition.awaiting().remove(userId);
        return transition.awaiting().isEmpty() ? executeTransitionNow() : List.of();
    }

    /** The id of the transition waiting for op 23s, or -1 when none is (for the gateway's timeout). */
    public synchronized int pendingTransitionId() {
        return transition == null ? -1 : transition.id();
    }

    /** Executes the pending transition without waiting for the remaining op 23s (the gateway's timeout). */
    public synchronized List<Delivery> executeTransitionNow() {
        if (transition == null) {
            return List.of();
        }
        Transition done = transition;
        transition = null;
        List<Delivery> out = new ArrayList<>();
        for (long user : done.participants()) {
            if (members.containsKey(user)) {
                out.add(new Delivery(user, new ServerMessage.ExecuteTransition(done.id())));
            }
        }
        return out;
    }

    /** Op 31: the user could not process a commit or Welcome; it is removed and re-added with its next key package. */
    public synchronized List<Delivery> onInvalidCommitWelcome(long userId, int transitionId) {
        Member member = members.get(userId);
        if (member == null) {
            return List.of();
        }
        member.keyPackage = null;
        List<Delivery> out = new ArrayList<>(stopAwaiting(userId));
        int leaf = roster.indexOf(userId);
        if (established && leaf >= 0 && !proposals.hasRemoveFor(userId)) {
            out.addAll(proposeRemove(userId, leaf));
        }
        return out;
    }

    /** The user left the voice connection. */
    public synchronized List<Delivery> disconnect(long userId) {
        if (members.remove(userId) == null) {
            return List.of();
        }
        List<Delivery> out = new ArrayList<>();
        for (ProposalBook.Entry stale : proposals.removeAbout(userId, true)) {
            out.addAll(revoke(stale));
        }
        out.addAll(stopAwaiting(userId));
        int leaf = roster.indexOf(userId);
        if (!established || leaf < 0) {
            return out;
        }
        Set<Long> remaining = new LinkedHashSet<>(roster.users());
        remaining.remove(userId);
        remaining.retainAll(members.keySet());
        if (remaining.size() == 1) {
            out.addAll(soleMemberReset(remaining.iterator().next()));
        } else if (!proposals.hasRemoveFor(userId)) {
            out.addAll(proposeRemove(userId, leaf));
        }
        return out;
    }

    private List<Delivery> soleMemberReset(long sole) {
        resetGroup();
        members.get(sole).keyPackage = null;
        List<Delivery> out = new ArrayList<>();
        out.add(new Delivery(sole, new ServerMessage.PrepareEpoch(DaveProtocol.NEW_GROUP_EPOCH, protocolVersion)));
        out.add(new Delivery(sole, new ServerMessage.PrepareTransition(DaveProtocol.INIT_TRANSITION_ID,
                protocolVersion)));
        out.addAll(reproposeForNewEpoch());
        return out;
    }

    /**
     * Changes the protocol version. To 0 (a client without DAVE joined): op 21 to everyone, op 22 once all are ready,
     * and the group is dropped. From 0 to 1: op 25 and op 24 (epoch 1) to everyone, then group creation as usual.
     */
    public synchronized List<Delivery> setProtocolVersion(int version) {
        if (version == protocolVersion) {
            return List.of();
        }
        protocolVersion = version;
        resetGroup();
        members.values().forEach(m -> m.keyPackage = null);
        List<Delivery> out = new ArrayList<>();
        if (version == DaveProtocol.DISABLED_VERSION) {
            int id = nextTransitionId();
            Set<Long> everyone = new LinkedHashSet<>(members.keySet());
            transition = new Transition(id, version, new LinkedHashSet<>(everyone), everyone);
            everyone.forEach(u -> out.add(new Delivery(u, new ServerMessage.PrepareTransition(id, version))));
            return out;
        }
        for (long user : members.keySet()) {
            out.add(new Delivery(user, new ServerMessage.ExternalSenderPackage(sender.externalSenderPackage())));
            out.add(new Delivery(user, new ServerMessage.PrepareEpoch(DaveProtocol.NEW_GROUP_EPOCH, version)));
        }
        return out;
    }

    private void resetGroup() {
        established = false;
        epoch = 0;
        roster.clear();
        proposals.clear();
        transition = null;
    }

    private List<Delivery> stopAwaiting(long userId) {
        if (transition == null || !transition.awaiting().remove(userId) || !transition.awaiting().isEmpty()) {
            return List.of();
        }
        return executeTransitionNow();
    }

    private List<Delivery> proposeAdd(long userId) {
        ProposalBook.Entry entry = proposals.record(sender.add(groupId, epoch, members.get(userId).keyPackage),
                userId, true, -1);
        return send(entry, established ? roster.users() : pendingMembers());
    }

    private List<Delivery> proposeRemove(long userId, int leaf) {
        ProposalBook.Entry entry = proposals.record(sender.remove(groupId, epoch, leaf), userId, false, leaf);
        return send(entry, roster.users());
    }

    private Set<Long> pendingMembers() {
        Set<Long> pending = new LinkedHashSet<>();
        members.forEach((user, m) -> {
            if (m.keyPackage != null) {
                pending.add(user);
            }
        });
        return pending;
    }

    private List<Delivery> send(ProposalBook.Entry entry, Set<Long> candidates) {
        List<Delivery> out = new ArrayList<>();
        for (long user : candidates) {
            if (user != entry.subject && members.containsKey(user)) {
                entry.recipients.add(user);
                out.add(proposalsTo(user, List.of(entry.message)));
            }
        }
        return out;
    }

    private List<Delivery> revoke(ProposalBook.Entry entry) {
        List<Delivery> out = new ArrayList<>();
        byte[] payload = new ProposalsPayload(true, List.of(entry.ref)).encode();
        for (long user : entry.recipients) {
            if (members.containsKey(user)) {
                out.add(new Delivery(user, new ServerMessage.Proposals(payload)));
            }
        }
        return out;
    }

    private static Delivery proposalsTo(long user, List<byte[]> messages) {
        return new Delivery(user, new ServerMessage.Proposals(new ProposalsPayload(false, messages).encode()));
    }

    private int nextTransitionId() {
        lastTransitionId = lastTransitionId % 0xFFFF + 1; // 1..65535; 0 is reserved for "execute now"
        return lastTransitionId;
    }
}
