package dev.hubcord.dave;

import static dev.hubcord.dave.DaveEndToEndTest.ALICE;
import static dev.hubcord.dave.DaveEndToEndTest.BOT;
import static dev.hubcord.dave.DaveEndToEndTest.CAROL;
import static dev.hubcord.dave.FrameTransformTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.dave.server.DaveDeliveryService;
import dev.hubcord.dave.server.Delivery;
import dev.hubcord.dave.server.ServerMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad and unexpected input on both sides: what is refused, what is ignored, and what triggers op 31. */
class DaveSessionBadInputTest {

    private static final long STRANGER = 999L;

    @Test
    void malformedBinaryPayloadsThrow() {
        DaveSession session = new DaveSession(BOT, VoiceRoom.CHANNEL);
        session.onSelectProtocolAck(1);
        session.onExternalSender(new DaveDeliveryService(VoiceRoom.CHANNEL).externalSenderPackage());
        assertKind(() -> session.onBinary(99, new byte[3]), DaveException.Kind.MALFORMED_PAYLOAD);
        assertKind(() -> session.onBinary(27, new byte[] {5, 0}), DaveException.Kind.MALFORMED_PAYLOAD);
        assertKind(() -> session.onBinary(27, new byte[] {0, 10, 1}), DaveException.Kind.MALFORMED_PAYLOAD);
        assertKind(() -> session.onBinary(29, new byte[] {1}), DaveException.Kind.MALFORMED_PAYLOAD);
        assertKind(() -> ServerBinaryFrame.parse(new byte[2]), DaveException.Kind.MALFORMED_PAYLOAD);
        assertKind(() -> session.onExternalSender(new byte[] {1, 2, 3}), DaveException.Kind.MLS_FAILURE);
    }

    @Test
    void addProposalForAnUnrecognisedUserIsRefused() {
        DaveDeliveryService gateway = new DaveDeliveryService(VoiceRoom.CHANNEL);
        DaveSession bot = new DaveSession(BOT, VoiceRoom.CHANNEL);
        gateway.connect(BOT);
        bot.onExternalSender(gateway.externalSenderPackage());
        byte[] botPackage = ((DaveOutbound.KeyPackage) bot.onSelectProtocolAck(1).getFirst()).payload();
        assertThat(gateway.onKeyPackage(BOT, botPackage)).as("nobody else to tell").isEmpty();

        DaveSession stranger = new DaveSession(STRANGER, VoiceRoom.CHANNEL);
        gateway.connect(STRANGER);
        stranger.onExternalSender(gateway.externalSenderPackage());
        byte[] strangerPackage = ((DaveOutbound.KeyPackage) stranger.onSelectProtocolAck(1).getFirst()).payload();
        List<Delivery> proposals = gateway.onKeyPackage(STRANGER, strangerPackage).stream()
                .filter(d -> d.userId() == BOT).toList();
        assertThat(proposals).hasSize(1);
        byte[] payload = ((ServerMessage.Proposals) proposals.getFirst().message()).payload();

        assertThat(bot.onProposals(payload)).as("no op 11 for the stranger: no commit").isEmpty();
        bot.addUser(STRANGER);
        assertThat(bot.onProposals(payload)).singleElement().isInstanceOf(DaveOutbound.CommitWelcome.class);
    }

    @Test
    void gatewayRefusesBadKeyPackagesAndCommits() {
        DaveDeliveryService gateway = new DaveDeliveryService(VoiceRoom.CHANNEL);
        DaveSession alice = new DaveSession(ALICE, VoiceRoom.CHANNEL);
        byte[] keyPackage = ((DaveOutbound.KeyPackage) alice.onSelectProtocolAck(1).getFirst()).payload();
        assertKind(() -> gateway.onKeyPackage(ALICE, keyPackage), DaveException.Kind.ILLEGAL_STATE);
        gateway.connect(ALICE);
        gateway.connect(BOT);
        assertKind(() -> gateway.onKeyPackage(BOT, keyPackage), DaveException.Kind.MLS_FAILURE);
        byte[] tampered = keyPackage.clone();
        tampered[tampered.length - 5] ^= 1;
        assertKind(() -> gateway.onKeyPackage(ALICE, tampered), DaveException.Kind.MLS_FAILURE);
        assertKind(() -> gateway.onKeyPackage(ALICE, new byte[] {0, 1}), DaveException.Kind.MLS_FAILURE);
        assertThat(gateway.onCommitWelcome(ALICE, new byte[] {0, 1, 0, 1, 9})).isEmpty();
        assertThat(gateway.onReadyForTransition(ALICE, 77)).isEmpty();
    }

    @Test
    void lateCommitsAreNotBroadcast() {
        VoiceRoom room = new VoiceRoom();
        room.join(BOT);
        room.holdToGateway(m -> m instanceof DaveOutbound.CommitWelcome);
        room.join(ALICE);
        room.releaseHeld(); // both pending members committed; only the first is broadcast
        assertThat(room.gateway.epoch()).isEqualTo(1);
        assertThat(room.clientLog.stream().filter(s -> s.endsWith(":28")).count()).isEqualTo(2);
        assertThat(room.clientLog.stream().filter(s -> s.endsWith(":23")).count()).isEqualTo(2);
    }

    @Test
    void invalidCommitOrUnexpectedWelcomeTriggersOp31AndAFreshKeyPackage() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        room.join(ALICE);
        assertThat(bot.onWelcome(9, new byte[] {1, 2, 3})).extracting(DaveOutbound::opcode).containsExactly(31, 26);

        VoiceRoom other = new VoiceRoom();
        DaveSession otherBot = other.join(BOT);
        other.join(ALICE);
        other.holdToGateway(m -> m instanceof DaveOutbound.CommitWelcome);
        other.join(CAROL); // the bot now holds a proposal for this epoch, so a commit is expected
        assertThat(otherBot.onAnnounceCommit(5, new byte[] {0, 1, 0, 1, 0, 0})).extracting(DaveOutbound::opcode)
                .containsExactly(31, 26);
        assertThat(otherBot.epoch()).isZero();
        assertThat(otherBot.onAnnounceCommit(6, new byte[] {0, 1})).as("no proposals seen since: ignored").isEmpty();
    }
}
