package dev.hubcord.dave;

import static dev.hubcord.dave.DaveEndToEndTest.ALICE;
import static dev.hubcord.dave.DaveEndToEndTest.BOT;
import static dev.hubcord.dave.DaveEndToEndTest.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import club.minnced.discord.jdave.DaveDecryptor;
import club.minnced.discord.jdave.ffi.LibDave;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with libdave (Discord's C++ reference, through jdave 0.1.5): our {@link DaveSession} and libdave members in
 * one group run by our {@link dev.hubcord.dave.server.DaveDeliveryService}. Skipped unless libdave loads, which needs
 * glibc &ge; 2.38 and GCC 13+ libstdc++: {@code dave/interop.sh} runs it with Debian 13's libraries.
 */
class JDaveInteropTest {

    private final Random random = new Random(11);

    @BeforeAll
    static void libdaveLoads() {
        boolean loaded;
        try {
            loaded = LibDave.getMaxSupportedProtocolVersion() == 1;
        } catch (Throwable e) {
            loaded = false;
        }
        assumeTrue(loaded, "libdave (jdave 0.1.5) does not load here (needs glibc >= 2.38): run dave/interop.sh");
    }

    private byte[] opus() {
        byte[] frame = new byte[120];
        random.nextBytes(frame);
        frame[0] = (byte) 0xFC;
        return frame;
    }

    private void assertLibdaveDecryptsOurs(DaveSession ours, JDaveMember libdave) {
        for (int i = 0; i < 5; i++) {
            byte[] plain = opus();
            byte[] sent = ours.encryptor().encrypt(plain);
            assertThat(sent).hasSize(plain.length + 12);
            Object[] result = libdave.decrypt(ours.selfUserId(), sent);
            assertThat(result[0]).isEqualTo(DaveDecryptor.DaveDecryptResultType.SUCCESS);
            assertThat((byte[]) result[1]).isEqualTo(plain);
        }
    }

    private void assertWeDecryptLibdave(JDaveMember libdave, long libdaveUser, DaveSession ours) {
        for (int i = 0; i < 5; i++) {
            byte[] plain = opus();
            byte[] sent = libdave.encrypt(plain);
            assertThat(sent).isNotNull();
            assertThat(sent[sent.length - 1]).isEqualTo((byte) 0xFA);
            assertThat(ours.decryptor(libdaveUser).decrypt(sent)).isEqualTo(plain);
        }
    }

    @Test
    void ourBotFirstThenLibdaveListener() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        try (JDaveMember alice = new JDaveMember(ALICE, room)) {
            room.joinForeign(ALICE, alice);
            assertThat(room.gateway.groupMembers()).containsExactlyInAnyOrder(BOT, ALICE);
            assertThat(bot.encryptor().protocolVersion()).isEqualTo(1);
            assertLibdaveDecryptsOurs(bot, alice);
            assertWeDecryptLibdave(alice, ALICE, bot);
        }
    }

    /**
     * libdave is first in every recipient list here, so its commits win: our sessions join through libdave's Welcome
     * and apply libdave's Add and Remove commits.
     */
    @Test
    void libdaveFirstThenOurBotThenCarolJoinsAndLeaves() {
        VoiceRoom room = new VoiceRoom();
        try (JDaveMember alice = new JDaveMember(ALICE, room)) {
            room.joinForeign(ALICE, alice);
            DaveSession bot = room.join(BOT);
            assertThat(room.gateway.epoch()).isEqualTo(1);
            assertThat(room.clientLog).contains(ALICE + ":28");
            assertLibdaveDecryptsOurs(bot, alice);
            assertWeDecryptLibdave(alice, ALICE, bot);

            DaveSession carol = room.join(CAROL);
            assertThat(carol.epoch()).isEqualTo(2);
            assertThat(carol.epochAuthenticator()).isEqualTo(bot.epochAuthenticator());
            assertLibdaveDecryptsOurs(bot, alice);
            assertWeDecryptLibdave(alice, ALICE, carol);
            byte[] plain = opus();
            assertThat(carol.decryptor(BOT).decrypt(bot.encryptor().encrypt(plain))).isEqualTo(plain);

            room.leave(CAROL);
            assertThat(bot.epoch()).isEqualTo(3);
            assertLibdaveDecryptsOurs(bot, alice);
            assertWeDecryptLibdave(alice, ALICE, bot);
        }
    }

    @Test
    void thirdMemberJoinsAndLeaves() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        try (JDaveMember alice = new JDaveMember(ALICE, room)) {
            room.joinForeign(ALICE, alice);
            DaveSession carol = room.join(CAROL);
            assertThat(room.gateway.epoch()).isEqualTo(2);
            assertThat(carol.epochAuthenticator()).isEqualTo(bot.epochAuthenticator());
            assertLibdaveDecryptsOurs(bot, alice);
            assertLibdaveDecryptsOurs(carol, alice);
            assertWeDecryptLibdave(alice, ALICE, carol);

            room.leave(CAROL);
            assertThat(room.gateway.epoch()).isEqualTo(3);
            assertThat(room.gateway.groupMembers()).containsExactlyInAnyOrder(BOT, ALICE);
            assertLibdaveDecryptsOurs(bot, alice);
            assertWeDecryptLibdave(alice, ALICE, bot);
        }
    }

    @Test
    void downgradeAndUpgradeWithLibdave() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(BOT);
        try (JDaveMember alice = new JDaveMember(ALICE, room)) {
            room.joinForeign(ALICE, alice);
            room.deliver(room.gateway.setProtocolVersion(0));
            room.pump();
            byte[] plain = opus();
            assertThat(bot.encryptor().encrypt(plain)).isEqualTo(plain);
            Object[] passthrough = alice.decrypt(BOT, plain);
            assertThat(passthrough[0]).isEqualTo(DaveDecryptor.DaveDecryptResultType.SUCCESS);
            assertThat((byte[]) passthrough[1]).isEqualTo(plain);

            room.deliver(room.gateway.setProtocolVersion(1));
            room.pump();
            assertThat(bot.encryptor().protocolVersion()).isEqualTo(1);
            assertLibdaveDecryptsOurs(bot, alice);
            assertWeDecryptLibdave(alice, ALICE, bot);
        }
    }
}
