package dev.hubcord.discordsim.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopulationTest {

    private static final PopulationConfig CONFIG = PopulationConfig.defaults().withGuilds(40);

    @Test
    void sameSeedSameIdsOtherSeedOtherIds() {
        List<Long> a = Population.generate(CONFIG).guilds().stream().map(SimGuild::id).toList();
        List<Long> b = Population.generate(CONFIG).guilds().stream().map(SimGuild::id).toList();
        List<Long> c = Population.generate(CONFIG.withSeed(43)).guilds().stream().map(SimGuild::id).toList();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(40, a.size());
    }

    @Test
    void guildsSpreadOverShardsAndUsersAreShared() {
        Population p = Population.generate(CONFIG);
        Set<Integer> shards = new HashSet<>();
        p.guilds().forEach(g -> shards.add(Snowflakes.shardFor(g.id(), 4)));
        assertEquals(Set.of(0, 1, 2, 3), shards);
        int total = 0;
        for (int s = 0; s < 4; s++) {
            total += p.guildsForShard(s, 4).size();
        }
        assertEquals(40, total);
        long shared = p.guilds().get(0).members().stream()
                .filter(m -> p.guilds().get(1).member(m.userId()).isPresent()).count();
        assertTrue(shared > 0, "the bot at least, and pool users, appear in several guilds");
        SimGuild large = p.guilds().getFirst();
        assertEquals(300, large.memberCount(), "guild 0 is large with the default config");
    }

    @Test
    void administratorIgnoresOverwritesAndTimeoutsStripPermissions() {
        Population p = Population.generate(CONFIG);
        SimGuild.Snapshot g = p.guilds().get(1).snapshot();
        SimChannel staff = g.channels().stream().filter(c -> c.name().equals("staff")).findFirst().orElseThrow();
        SimMember admin = g.members().get(2);
        SimMember plain = g.members().stream().filter(m -> m.roles().isEmpty() && m.userId() != g.ownerId())
                .findFirst().orElseThrow();
        long now = System.currentTimeMillis();
        assertEquals(Permissions.ALL, Permissions.inChannel(g, admin, staff, now), "admin overrides the deny");
        assertEquals(0, Permissions.inChannel(g, plain, staff, now), "no VIEW_CHANNEL, no permissions");
        SimChannel general = g.channels().stream().filter(c -> c.name().equals("general")).findFirst().orElseThrow();
        assertTrue((Permissions.inChannel(g, plain, general, now) & Permissions.SEND_MESSAGES) != 0);
        long timedOut = Permissions.inChannel(g, plain.withTimeoutUntil(now + 60_000), general, now);
        assertEquals(Permissions.VIEW_CHANNEL | Permissions.READ_MESSAGE_HISTORY, timedOut);
        SimMember bot = g.member(p.bot().id()).orElseThrow();
        assertTrue(Permissions.outranks(g, bot, plain));
        assertFalse(Permissions.outranks(g, bot, admin));
        assertFalse(Permissions.outranks(g, admin, g.member(g.ownerId()).orElseThrow()), "nobody acts on the owner");
    }

    @Test
    void snowflakeArithmetic() {
        long id = 175_928_847_299_117_063L; // the example from Discord's docs
        assertEquals(1_462_015_105_796L, Snowflakes.timestampMillis(id));
        assertEquals(Snowflakes.shardFor(id, 7), (int) ((id >>> 22) % 7));
    }
}
