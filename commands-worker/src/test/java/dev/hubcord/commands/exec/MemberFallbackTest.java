package dev.hubcord.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members the hub's cache does not know (they joined after the cache was filled and never spoke): commands find them
 * through Discord's REST API, act on them, and leave them in the hub's cache. A real hub, the simulated Discord, an
 * in-process worker.
 */
class MemberFallbackTest {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;
    static String guild;

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir);
        worker = world.startWorker(new MutableClock());
        guild = CacheMirror.id(world.guild.id());
    }

    @AfterAll
    static void stop() {
        worker.close();
        world.close();
    }

    /** A user Discord knows; a member of the guild when {@code join}, never sent to the hub's cache. */
    private static SimUser stranger(String name, boolean join) {
        SimUser user = new SimUser(world.sim.population().newId(), name, null, null, false);
        world.sim.population().putUser(user);
        if (join) {
            world.sim.control().events().memberAdd(world.guild.id(), user.id());
        }
        assertThat(world.hubApi.member(guild, CacheMirror.id(user.id()))).as("not cached").isEmpty();
        return user;
    }

    private static boolean cached(SimUser user) {
        return world.hubApi.member(guild, CacheMirror.id(user.id())).isPresent();
    }

    @Test
    void userinfoByIdFetchesTheMemberAndCachesIt() {
        SimUser quiet = stranger("quietone", true);
        String id = CacheMirror.id(quiet.id());
        String reply = world.awaitReply(world.general, world.command(world.general, world.plain, "userinfo", id));
        assertThat(reply).contains("quietone").contains("ID: " + id);
        assertThat(world.requests("GET", "/guilds/" + guild + "/members/" + id)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(5)).until(() -> cached(quiet));
        assertThat(world.hubApi.member(guild, id).orElseThrow().user().username()).isEqualTo("quietone");
    }

    @Test
    void userinfoByNameSearchesDiscordWhenTheCacheKnowsNoSuchName() {
        SimUser hushed = stranger("hushedtwo", true);
        String reply = world.awaitReply(world.general, world.command(world.general, world.plain, "userinfo",
                "hushedtwo"));
        assertThat(reply).contains("hushedtwo").contains("ID: " + CacheMirror.id(hushed.id()));
        assertThat(world.requests("GET", "/guilds/" + guild + "/members/search")).isNotEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> cached(hushed));
    }

    @Test
    void banOfAnUncachedMemberWorks() {
        SimUser silent = stranger("silentthree", true);
        String id = CacheMirror.id(silent.id());
        String reply = world.awaitReply(world.general, world.command(world.general, world.moderator, "ban",
                id + " lurking"));
        assertThat(reply).isEqualTo("Banned **silentthree**: lurking");
        assertThat(world.requests("PUT", "/guilds/" + guild + "/bans/" + id)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(204));
        assertThat(world.guild.banned(silent.id())).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> cached(silent));
    }

    @Test
    void banOfAUserWhoIsNoMemberUsesTheUserRoute() {
        SimUser outsider = stranger("outsiderfour", false);
        String id = CacheMirror.id(outsider.id());
        String reply = world.awaitReply(world.general, world.command(world.general, world.moderator, "ban", id));
        assertThat(reply).isEqualTo("Banned **outsiderfour**.");
        assertThat(world.requests("GET", "/guilds/" + guild + "/members/" + id)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(404));
        assertThat(world.requests("GET", "/users/" + id)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(5)).until(() -> world.hubApi.user(id).isPresent());
    }

    @Test
    void anIdDiscordDoesNotKnowIsAClearAnswer() {
        String reply = world.awaitReply(world.general, world.command(world.general, world.plain, "userinfo",
                "424242424242424242"));
        assertThat(reply).contains("can't find a member with ID `424242424242424242`");
    }

    @Test
    void anUncachedModeratorsPermissionsAreCheckedAfterFetchingThem() {
        SimUser freshMod = stranger("freshmod", true);
        SimMember moderator = world.guild.member(world.moderator).orElseThrow();
        world.guild.putMember(world.guild.member(freshMod.id()).orElseThrow().withRoles(moderator.roles()));
        SimUser target = stranger("targetfive", true);
        String reply = world.awaitReply(world.general, world.command(world.general, freshMod.id(), "kick",
                CacheMirror.id(target.id())));
        assertThat(reply).isEqualTo("Kicked **targetfive**.");
        assertThat(world.guild.member(target.id())).isEmpty();
        assertThat(cached(freshMod)).as("the invoker was cached to check the permissions").isTrue();
    }
}
