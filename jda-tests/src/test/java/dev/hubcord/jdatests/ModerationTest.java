package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenario 4: ban, kick, timeout, add and remove a role, each checked in the sim's world. */
class ModerationTest {

    private static JdaSim env;
    private static SimGuild simGuild;
    private static Guild guild;
    private static List<Long> members;

    @BeforeAll
    static void start() {
        env = JdaSim.start().awaitConnected();
        simGuild = env.guild();
        guild = env.jda.getGuildById(simGuild.id());
        members = env.plainMembers(simGuild);
        assertThat(members).as("members without roles to moderate").hasSizeGreaterThanOrEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> guild.getMembers().size() == simGuild.members().size());
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void banRemovesTheMemberAndRecordsTheBan() {
        long target = members.get(0);
        guild.ban(UserSnowflake.fromId(target), 0, TimeUnit.SECONDS).reason("spam").complete();
        assertThat(simGuild.bannedUsers()).contains(target);
        await().atMost(Duration.ofSeconds(10)).until(() -> guild.getMemberById(target) == null);
        guild.unban(UserSnowflake.fromId(target)).complete();
        assertThat(simGuild.bannedUsers()).doesNotContain(target);
    }

    @Test
    void kickRemovesTheMember() {
        long target = members.get(1);
        guild.kick(UserSnowflake.fromId(target)).complete();
        assertThat(simGuild.member(target)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> guild.getMemberById(target) == null);
    }

    @Test
    void timeoutSetsCommunicationDisabledUntil() {
        long target = members.get(2);
        Member member = guild.getMemberById(target);
        member.timeoutFor(Duration.ofMinutes(5)).complete();
        assertThat(simGuild.member(target).map(SimMember::communicationDisabledUntil).orElse(0L))
                .isGreaterThan(System.currentTimeMillis());
        await().atMost(Duration.ofSeconds(10)).until(() -> guild.getMemberById(target).isTimedOut());
    }

    @Test
    void addAndRemoveRole() {
        long target = members.get(3);
        SimRole moderator = simGuild.snapshot().roles().stream().filter(r -> r.name().equals("Moderator"))
                .findFirst().orElseThrow();
        Role role = guild.getRoleById(moderator.id());
        guild.addRoleToMember(UserSnowflake.fromId(target), role).complete();
        assertThat(simGuild.member(target).orElseThrow().roles()).contains(moderator.id());
        guild.removeRoleFromMember(UserSnowflake.fromId(target), role).complete();
        assertThat(simGuild.member(target).orElseThrow().roles()).doesNotContain(moderator.id());
    }
}
