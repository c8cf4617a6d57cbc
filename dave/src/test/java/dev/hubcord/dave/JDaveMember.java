package dev.hubcord.dave;

import club.minnced.discord.jdave.DaveCodec;
import club.minnced.discord.jdave.DaveDecryptor;
import club.minnced.discord.jdave.DaveEncryptor;
import club.minnced.discord.jdave.DaveMediaType;
import club.minnced.discord.jdave.manager.DaveSessionManager;
import club.minnced.discord.jdave.manager.DaveSessionManagerCallbacks;
import dev.hubcord.dave.server.ServerMessage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A libdave member (jdave 0.1.5's {@code DaveSessionManager}) in a {@link VoiceRoom}. Its callbacks hand native
 * buffers that must be copied at once; they become {@link DaveOutbound} values so the room routes them like ours.
 * All buffers given to jdave are direct (it refuses heap segments).
 */
final class JDaveMember implements VoiceRoom.ForeignMember, AutoCloseable {

    static final int SSRC = 4242;

    private final long userId;
    private final VoiceRoom room;
    private final DaveSessionManager manager;

    JDaveMember(long userId, VoiceRoom room) {
        this.userId = userId;
        this.room = room;
        this.manager = DaveSessionManager.create(userId, VoiceRoom.CHANNEL, new DaveSessionManagerCallbacks() {
            @Override
            public void sendMLSKeyPackage(ByteBuffer keyPackage) {
                room.toGateway(userId, List.of(new DaveOutbound.KeyPackage(copy(keyPackage))));
            }

            @Override
            public void sendDaveProtocolReadyForTransition(int transitionId) {
                room.toGateway(userId, List.of(new DaveOutbound.ReadyForTransition(transitionId)));
            }

            @Override
            public void sendMLSCommitWelcome(ByteBuffer commitWelcome) {
                room.toGateway(userId, List.of(new DaveOutbound.CommitWelcome(copy(commitWelcome))));
            }

            @Override
            public void sendMLSInvalidCommitWelcome(int transitionId) {
                room.toGateway(userId, List.of(new DaveOutbound.InvalidCommitWelcome(transitionId)));
            }
        });
        manager.assignSsrcToCodec(DaveCodec.OPUS, SSRC);
    }

    @Override
    public void addUser(long other) {
        manager.addUser(other);
    }

    @Override
    public void removeUser(long other) {
        manager.removeUser(other);
    }

    @Override
    public void start(int protocolVersion) {
        manager.onSelectProtocolAck(protocolVersion);
    }

    @Override
    public void handle(ServerMessage message) {
        switch (message) {
            case ServerMessage.ExternalSenderPackage m -> manager.onDaveProtocolMLSExternalSenderPackage(direct(m.payload()));
            case ServerMessage.Proposals m -> manager.onMLSProposals(direct(m.payload()));
            case ServerMessage.AnnounceCommit m -> manager.onMLSPrepareCommitTransition(m.transitionId(), direct(m.commit()));
            case ServerMessage.Welcome m -> manager.onMLSWelcome(m.transitionId(), direct(m.welcome()));
            case ServerMessage.PrepareTransition m ->
                    manager.onDaveProtocolPrepareTransition(m.transitionId(), m.protocolVersion());
            case ServerMessage.ExecuteTransition m -> manager.onDaveProtocolExecuteTransition(m.transitionId());
            case ServerMessage.PrepareEpoch m -> manager.onDaveProtocolPrepareEpoch(m.epoch(), m.protocolVersion());
        }
    }

    /** Decrypts a frame from {@code sender}; the result type name and the plaintext (null unless SUCCESS). */
    Object[] decrypt(long sender, byte[] frame) {
        ByteBuffer in = direct(frame);
        ByteBuffer out = ByteBuffer.allocateDirect(frame.length + 64);
        DaveDecryptor.DaveDecryptResultType result = manager.decrypt(DaveMediaType.AUDIO, sender, in, out);
        return new Object[] {result, result == DaveDecryptor.DaveDecryptResultType.SUCCESS ? copy(out) : null};
    }

    /** Encrypts an Opus frame; null unless SUCCESS. */
    byte[] encrypt(byte[] opus) {
        ByteBuffer out = ByteBuffer.allocateDirect(manager.getMaxEncryptedFrameSize(DaveMediaType.AUDIO, opus.length));
        DaveEncryptor.DaveEncryptResultType result = manager.encrypt(DaveMediaType.AUDIO, SSRC, direct(opus), out);
        if (result != DaveEncryptor.DaveEncryptResultType.SUCCESS) {
            return null;
        }
        // jdave sets the limit on success
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        manager.close();
    }

    private static ByteBuffer direct(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        buffer.put(bytes).flip();
        return buffer;
    }

    private static byte[] copy(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return Arrays.copyOf(bytes, bytes.length);
    }
}
