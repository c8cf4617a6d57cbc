package dev.hubcord.dave;

import static dev.hubcord.dave.FrameTransformTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole protocol in memory: a delivery service and several sessions form and change the group through the opcode
 * flow, and listeners decrypt the bot's Opus frames bit-exactly.
 */
class DaveEndToEndTest {

    static final long BOT = 104_694_319_306_248_192L;
    static final long ALICE = 200_000_000_000_000_001L;
    static final long CAROL = 200_000_000_000_000_003L;
    static final long DAN = 200_000_000_000_000_004L;

    private final Random random = new Random(7);

    private byte[] opus() {
        byte[] frame = new byte[60 + random.nextInt(100)];
        random.nextBytes(frame);
        frame[0] = (byte) 0xFC;
        return frame;
    }

    /** Encrypts a fresh frame at the bot and asserts each listener gets the exact plaintext back. */
    private void assertListenersDecryptBot(VoiceRoom room, long... listeners) {
        DaveSession bot = room.sessions.get(BOT);
        for (int i = 0; i < 5; i++) {
            byte[] plain = opus();
            byte[] sent = bot.encryptor().encrypt(plain);
            assertThat(sent).hasSize(plain.length + 12); // tag 8, nonce 1 byte, size 1, marker 2
            assertThat(Arrays.copyOfRange(sent, sent.length - 2, sent.length)).containsExactly(0xFA, 0xFA);
            assertThat(Arrays.copyOf(sent, plain.length)).isNotEqualTo(plain);
            for (long listener : listeners) {
                assertThat(room.sessions.get(listener).decryptor(BOT).decrypt(sent)).isEqualTo(plain);
            }
        }
    }

    @Test
    void twoMembersFormTheGroupAndExchangeFrames() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        byte[] alone = opus();
        assertThat(bot.encryptor().encrypt(alone)).as("alone: passthrough").isEqualTo(alone);
        DaveSession alice = room.join(ALICE);

        assertThat(room.gateway.established()).isTrue();
        assertThat(room.gateway.groupMembers()).containsExactlyInAnyOrder(BOT, ALICE);
        assertThat(bot.epoch()).isEqualTo(1);
        assertThat(alice.epoch()).isEqualTo(1);
        assertThat(bot.encryptor().protocolVersion()).isEqualTo(1);
        assertThat(bot.epochAuthenticator()).hasSize(32).isEqualTo(alice.epochAuthenticator());
        assertThat(room.clientLog).contains(BOT + ":26", ALICE + ":26", BOT + ":23", ALICE + ":23");
        assertListenersDecryptBot(room, ALICE);

        byte[] fromAlice = alice.encryptor().encrypt(opus());
        assertThat(bot.decryptor(ALICE).decrypt(fromAlice)).hasSize(fromAlice.length - 12);
    }

    @Test
    void memberJoinsMidStreamAndAnotherLeaves() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        DaveSession alice = room.join(ALICE);
        byte[] inFlight = opus();
        byte[] inFlightSent = bot.encryptor().encrypt(inFlight);

        DaveSession carol = room.join(CAROL);
        assertThat(room.gateway.epoch()).isEqualTo(2);
        assertThat(bot.epoch()).isEqualTo(2);
        assertThat(carol.epoch()).isEqualTo(2);
        assertThat(carol.epochAuthenticator()).isEqualTo(bot.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
        assertThat(alice.decryptor(BOT).decrypt(inFlightSent)).as("epoch 1 frame after the transition")
                .isEqualTo(inFlight);
        assertListenersDecryptBot(room, ALICE, CAROL);

        DaveSession left = room.leave(CAROL);
        assertThat(room.gateway.groupMembers()).containsExactlyInAnyOrder(BOT, ALICE);
        assertThat(bot.epoch()).isEqualTo(3);
        // the removed member holds only epoch-2 keys: early nonces of epoch 3 look like replays, later ones fail
        // authentication; none decrypts
        for (int i = 0; i < 10; i++) {
            byte[] afterLeave = bot.encryptor().encrypt(opus());
            assertThatThrownBy(() -> left.decryptor(BOT).decrypt(afterLeave)).isInstanceOf(DaveException.class);
        }
        byte[] last = bot.encryptor().encrypt(opus());
        assertKind(() -> left.decryptor(BOT).decrypt(last), DaveException.Kind.DECRYPTION_FAILED);
        assertListenersDecryptBot(room, ALICE);
    }

    @Test
    void downgradeToVersionZeroAndBack() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        DaveSession alice = room.join(ALICE);
        assertListenersDecryptBot(room, ALICE);

        room.deliver(room.gateway.setProtocolVersion(0));
        room.pump();
        assertThat(bot.encryptor().protocolVersion()).isZero();
        assertThat(bot.epoch()).isZero();
        byte[] plain = opus();
        byte[] sent = bot.encryptor().encrypt(plain);
        assertThat(sent).isEqualTo(plain);
        assertThat(alice.decryptor(BOT).decrypt(sent)).isEqualTo(plain);

        room.deliver(room.gateway.setProtocolVersion(1));
        room.pump();
        assertThat(bot.encryptor().protocolVersion()).isEqualTo(1);
        assertThat(bot.epoch()).isEqualTo(1);
        assertListenersDecryptBot(room, ALICE);
    }

    @Test
    void garbageWelcomeIsReportedAndRecovered() {
        VoiceRoom room = new VoiceRoom();
        room.join(BOT);
        room.join(ALICE);
        boolean[] corrupted = {false};
        room.rewriteDeliveries(d -> {
            if (d.userId() == CAROL && d.message() instanceof dev.hubcord.dave.server.ServerMessage.Welcome w
                    && !corrupted[0]) {
                corrupted[0] = true;
                return new dev.hubcord.dave.server.Delivery(CAROL, VoiceRoom.corrupted(w));
            }
            return d;
        });
        DaveSession carol = room.join(CAROL);
        assertThat(corrupted[0]).isTrue();
        assertThat(room.clientLog).contains(CAROL + ":31");
        assertThat(room.clientLog.stream().filter(s -> s.equals(CAROL + ":26")).count()).isEqualTo(2);
        assertThat(carol.epoch()).as("removed and re-added in one commit").isEqualTo(3);
        assertListenersDecryptBot(room, ALICE, CAROL);
    }

    @Test
    void soleMemberResetAndNewGroup() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        room.join(ALICE);
        room.leave(ALICE);
        assertThat(room.gateway.established()).isFalse();
        assertThat(bot.epoch()).isZero();
        assertThat(bot.encryptor().protocolVersion()).as("sole member: passthrough").isZero();

        room.join(DAN);
        assertThat(bot.epoch()).isEqualTo(1);
        assertListenersDecryptBot(room, DAN);
    }

    @Test
    void revokedProposalIsLeftOutOfTheNextCommit() {
        VoiceRoom room = new VoiceRoom();
        room.join(BOT);
        room.join(ALICE);
        room.holdToGateway(m -> m instanceof DaveOutbound.CommitWelcome);
        room.join(CAROL);
        room.leave(CAROL); // add(CAROL) is revoked before any commit got through
        room.releaseHeld(); // the stale commits reference the revoked proposal: refused
        assertThat(room.gateway.epoch()).isEqualTo(1);
        assertThat(room.sessions.get(BOT).epoch()).isEqualTo(1);

        room.join(DAN);
        assertThat(room.gateway.groupMembers()).containsExactlyInAnyOrder(BOT, ALICE, DAN);
        assertListenersDecryptBot(room, ALICE, DAN);
    }
}
