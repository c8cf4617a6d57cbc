package dev.hubcord.dave;

import dev.hubcord.dave.mls.CommitOutcome;
import dev.hubcord.dave.mls.MlsSession;
import dev.hubcord.dave.ratchet.KeyRatchet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAVE for one voice connection. Each {@code on…} method handles one voice gateway message and returns what must be
 * sent back, in order (usually nothing or one message); the flow follows libdave's reference session manager:
 *
 * <ul>
 *   <li>op 4 {@link #onSelectProtocolAck}: version &gt; 0 starts MLS and yields a key package; version 0 is passthrough;
 *   <li>op 11 / 5 / 13 {@link #addUser} / {@link #removeUser}: the recognised users (add proposals for others are
 *       refused) and their {@link FrameDecryptor}s;
 *   <li>op 25, 27, 29, 30 {@link #onBinary} (or the individual methods): external sender, proposals, commit, Welcome;
 *   <li>op 21, 22, 24: prepare and execute transitions, prepare epochs (epoch 1 = re-create the group).
 * </ul>
 *
 * Failures inside a message (bad proposals, a commit or Welcome that cannot be processed) are logged and answered as
 * the protocol says (op 31 and a fresh key package); only malformed framing throws. Thread-safe: gateway messages and
 * the media path may run on different threads.
 */
public final class DaveSession {

    private static final Logger LOG = LoggerFactory.getLogger(DaveSession.class);

    private final long selfUserId;
    private final long channelId;
    private final DaveClock clock;
    private final MlsSession mls;
    private final FrameEncryptor encryptor = new FrameEncryptor();
    private final Map<Long, FrameDecryptor> decryptors = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> preparedTransitions = new HashMap<>();
    private int protocolVersion = DaveProtocol.DISABLED_VERSION;

    public DaveSession(long selfUserId, long channelId) {
        this(selfUserId, channelId, DaveClock.system());
    }

    public DaveSession(long selfUserId, long channelId, DaveClock clock) {
        this.selfUserId = selfUserId;
        this.channelId = channelId;
        this.clock = clock;
        this.mls = new MlsSession(selfUserId);
    }

    /** The value for Identify's {@code max_dave_protocol_version}. */
    public int maxProtocolVersion() {
        return DaveProtocol.MAX_PROTOCOL_VERSION;
    }

    public long selfUserId() {
        return selfUserId;
    }

    /** The encryptor for our own frames (passthrough until a transition to version 1 executes with a group). */
    public FrameEncryptor encryptor() {
        return encryptor;
    }

    /** The decryptor for frames from {@code userId}, or {@code null} when that user is not (or no longer) known. */
    public FrameDecryptor decryptor(long userId) {
        return decryptors.get(userId);
    }

    /** The protocol version of the last prepared transition. */
    public synchronized int protocolVersion() {
        return protocolVersion;
    }

    /** The established MLS epoch, 0 without a group. */
    public synchronized long epoch() {
        return mls.epoch();
    }

    /** The MLS epoch authenticator (for out-of-band verification), empty without a group. */
    public synchronized byte[] epochAuthenticator() {
        return mls.epochAuthenticator();
    }

    /** Op 4: the negotiated DAVE version. */
    public synchronized List<DaveOutbound> onSelectProtocolAck(int version) {
        if (version > DaveProtocol.DISABLED_VERSION) {
            return prepareNewGroup(version);
        }
        prepareTransition(DaveProtocol.INIT_TRANSITION_ID, version);
        executeTransition(DaveProtocol.INIT_TRANSITION_ID);
        return List.of();
    }

    /** Op 11 (and op 5): a user joined the media session; add proposals for them are accepted from now on. */
    public synchronized void addUser(long userId) {
        if (userId == selfUserId) {
            return;
        }
        FrameDecryptor decryptor = decryptors.computeIfAbsent(userId, id -> new FrameDecryptor(id, clock));
        prepareDecryptor(decryptor, protocolVersion);
    }

    /** Op 13: a user left; their decryptor is dropped. */
    public synchronized void removeUser(long userId) {
        decryptors.remove(userId);
    }

    /** Op 21: prepare a transition ({@code transition_id} 0 executes at once). */
    public synchronized List<DaveOutbound> onPrepareTransition(int transitionId, int version) {
        return prepareTransition(transitionId, version);
    }

    /** Op 22: execute a prepared transition. */
    public synchronized List<DaveOutbound> onExecuteTransition(int transitionId) {
        executeTransition(transitionId);
        return List.of();
    }

    /** Op 24: prepare an epoch; epoch 1 means the group is (re-)created, so reset and send a new key package. */
    public synchronized List<DaveOutbound> onPrepareEpoch(long epoch, int version) {
        if (epoch != DaveProtocol.NEW_GROUP_EPOCH) {
            return List.of();
        }
        return prepareNewGroup(version);
    }

    /** A binary server message (op 25, 27, 29 or 30) with the payload after the opcode byte. */
    public synchronized List<DaveOutbound> onBinary(int opcode, byte[] payload) {
        return switch (opcode) {
            case DaveProtocol.OP_MLS_EXTERNAL_SENDER -> onExternalSender(payload);
            case DaveProtocol.OP_MLS_PROPOSALS -> onProposals(payload);
            case DaveProtocol.OP_MLS_ANNOUNCE_COMMIT_TRANSITION -> onAnnounceCommit(transitionId(payload), rest(payload));
            case DaveProtocol.OP_MLS_WELCOME -> onWelcome(transitionId(payload), rest(payload));
            default -> throw new DaveException(DaveException.Kind.MALFORMED_PAYLOAD, "not a DAVE binary op: " + opcode);
        };
    }

    /** Op 25: the gateway's external sender. */
    public synchronized List<DaveOutbound> onExternalSender(byte[] payload) {
        if (!mls.setExternalSender(payload)) {
            LOG.warn("external sender ignored: a group is already established");
        }
        return List.of();
    }

    /** Op 27: proposals to append or revoke; yields op 28 when a commit results. */
    public synchronized List<DaveOutbound> onProposals(byte[] payload) {
        try {
            return mls.processProposals(payload, recognizedUsers())
                    .<List<DaveOutbound>>map(commit -> List.of(new DaveOutbound.CommitWelcome(commit)))
                    .orElse(List.of());
        } catch (DaveException e) {
            if (e.kind() == DaveException.Kind.MALFORMED_PAYLOAD) {
                throw e;
            }
            LOG.warn("proposals refused: {}", e.getMessage());
            return List.of();
        }
    }

    /** Op 29: the winning commit of the epoch. */
    public synchronized List<DaveOutbound> onAnnounceCommit(int transitionId, byte[] commit) {
        CommitOutcome outcome = mls.processCommit(commit);
        return switch (outcome) {
            case CommitOutcome.Ignored ignored -> {
                LOG.debug("commit for transition {} ignored: {}", transitionId, ignored.reason());
                preparedTransitions.remove(transitionId);
                yield List.of();
            }
            case CommitOutcome.Failed failed -> {
                LOG.warn("commit for transition {} failed: {}", transitionId, failed.reason());
                yield recoverFromInvalid(transitionId);
            }
            case CommitOutcome.Applied applied -> prepareTransition(transitionId, mls.protocolVersion());
        };
    }

    /** Op 30: a Welcome into the group. */
    public synchronized List<DaveOutbound> onWelcome(int transitionId, byte[] welcome) {
        try {
            mls.processWelcome(welcome);
        } catch (DaveException e) {
            LOG.warn("welcome for transition {} failed: {}", transitionId, e.getMessage());
            return recoverFromInvalid(transitionId);
        }
        return prepareTransition(transitionId, mls.protocolVersion());
    }

    /** Op 31, then a fresh group state and key package so the gateway can remove and re-add us. */
    private List<DaveOutbound> recoverFromInvalid(int transitionId) {
        preparedTransitions.remove(transitionId);
        List<DaveOutbound> out = new ArrayList<>();
        out.add(new DaveOutbound.InvalidCommitWelcome(transitionId));
        out.addAll(prepareNewGroup(Math.max(protocolVersion, DaveProtocol.MAX_PROTOCOL_VERSION)));
        return out;
    }

    private List<DaveOutbound> prepareNewGroup(int version) {
        mls.init(version, channelId);
        return List.of(new DaveOutbound.KeyPackage(mls.keyPackage()));
    }

    private List<DaveOutbound> prepareTransition(int transitionId, int version) {
        for (FrameDecryptor decryptor : decryptors.values()) {
            prepareDecryptor(decryptor, version);
        }
        if (transitionId == DaveProtocol.INIT_TRANSITION_ID) {
            installEncryptor(version);
            protocolVersion = version;
            return List.of();
        }
        preparedTransitions.put(transitionId, version);
        protocolVersion = version;
        return List.of(new DaveOutbound.ReadyForTransition(transitionId));
    }

    private void executeTransition(int transitionId) {
        Integer version = preparedTransitions.remove(transitionId);
        if (version == null) {
            LOG.debug("execute of unknown transition {} ignored", transitionId);
            return;
        }
        if (version == DaveProtocol.DISABLED_VERSION) {
            mls.reset();
        }
        installEncryptor(version);
    }

    private void prepareDecryptor(FrameDecryptor decryptor, int version) {
        boolean disabled = version == DaveProtocol.DISABLED_VERSION;
        if (!disabled) {
            decryptor.transitionToKeyRatchet(ratchetFor(decryptor.userId()));
        }
        decryptor.transitionToPassthrough(disabled);
    }

    private void installEncryptor(int version) {
        KeyRatchet ratchet = version == DaveProtocol.DISABLED_VERSION ? null : ratchetFor(selfUserId);
        encryptor.setKeyRatchet(ratchet);
    }

    private KeyRatchet ratchetFor(long userId) {
        return mls.senderBaseSecret(userId).map(KeyRatchet::new).orElse(null);
    }

    private Set<Long> recognizedUsers() {
        Set<Long> users = new HashSet<>(decryptors.keySet());
        users.add(selfUserId);
        return users;
    }

    private static int transitionId(byte[] payload) {
        if (payload.length < 2) {
            throw new DaveException(DaveException.Kind.MALFORMED_PAYLOAD, "missing transition id");
        }
        return (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
    }

    private static byte[] rest(byte[] payload) {
        return java.util.Arrays.copyOfRange(payload, 2, payload.length);
    }
}
