package dev.hubcord.cache;

import static dev.hubcord.cache.Payloads.json;
import static dev.hubcord.cache.Payloads.member;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Guild;
import dev.hubcord.cache.model.Member;
import dev.hubcord.cache.model.Timestamps;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSemanticsTest {

    static final long G = 254768930223161344L;
    static final long OWNER = 155112606661607425L;
    static final long ALICE = 479455578708639755L;
    static final long BOB = 479455578708639756L;

    private final DiscordCache cache = new DiscordCache(CacheConfig.defaults());

    static byte[] fullGuild() {
        return json("""
                {"type":"guild","id":"%1$d","name":"Oxyl","icon":"abc","ownerID":"%2$d","region":"europe",
                 "memberCount":2,"features":["NEWS"],"_trace":["x"],
                 "roles":[{"id":"%1$d","name":"@everyone","color":0,"position":0,"permissions":"1024"},
                          {"id":"10","name":"mod","color":255,"position":2,"permissions":8192}],
                 "channels":[{"id":"20","type":0,"position":1,"name":"general","nsfw":false,
                              "overwrites":[{"id":"10","type":"role","allow":"2048","deny":"0"}]},
                             {"id":"21","type":2,"position":2,"name":"Voice","nsfw":false,"userLimit":5,"parentID":"22"}],
                 "members":[{"id":"%3$d","nickname":"Al","roles":["10"],"joinedAt":"2022-10-13T14:35:40.794000+00:00",
                             "user":{"id":"%3$d","username":"alice","discriminator":"0","globalName":"Alice",
                                     "avatar":"a_0123456789abcdef0123456789abcdef","bot":false}}],
                 "voiceStates":[{"channelID":"21","userID":"%3$d","deaf":false,"mute":true,"selfDeaf":true,"selfMute":false}]}
                """.formatted(G, OWNER, ALICE));
    }

    @Test
    void guildPayloadCreatesEverythingUnderIt() {
        cache.apply(fullGuild());
        Guild g = cache.guild(G).orElseThrow();
        assertEquals("Oxyl", g.name());
        assertEquals(OWNER, g.ownerId());
        assertEquals(2, g.memberCount());
        assertEquals(2, g.channelCount());
        assertEquals(2, g.roleCount());
        assertEquals(1, g.cachedMembers());
        assertEquals(1, g.voiceStateCount());

        List<Channel> channels = cache.channels(G).orElseThrow();
        assertEquals(List.of(20L, 21L), channels.stream().map(Channel::id).toList());
        Channel voice = cache.channel(G, 21).orElseThrow();
        assertEquals(Channel.VOICE, voice.type());
        assertEquals(5, voice.userLimit());
        assertEquals(22, voice.parentId());
        assertEquals(2048, cache.channel(G, 20).orElseThrow().overwrites().getFirst().allow());
        assertEquals(8192, cache.role(G, 10).orElseThrow().permissions());

        Member alice = cache.member(G, ALICE).orElseThrow();
        assertEquals("Al", alice.nickname());
        assertArrayEquals(new long[] {10}, alice.roles());
        assertEquals(Timestamps.parseMicros("2022-10-13T14:35:40.794+00:00"), alice.joinedAt());
        assertEquals("alice", alice.user().username());
        assertEquals("Alice", alice.user().globalName());
        assertEquals("a_0123456789abcdef0123456789abcdef", alice.user().avatar());
        assertTrue(cache.voiceState(G, ALICE).orElseThrow().mute());
        assertEquals(1, cache.voiceStatesIn(G, 21).orElseThrow().size());
        assertEquals(List.of(), cache.voiceStatesIn(G, 20).orElseThrow(), "text channel: empty list");
    }

    @Test
    void guildPayloadReplacesRolesChannelsAndVoiceStatesButUpsertsMembers() {
        cache.apply(fullGuild());
        cache.apply(member(G, BOB, "bob", null, ""));
        cache.apply(json("""
                {"type":"guild","id":"%d","name":"Renamed","roles":[{"id":"11","name":"new","permissions":"0"}],
                 "channels":[{"id":"23","type":0,"name":"only"}],"voiceStates":[],
                 "members":[{"id":"%d","user":{"id":"%d","username":"bobby"}}]}
                """.formatted(G, BOB, BOB)));
        Guild g = cache.guild(G).orElseThrow();
        assertEquals("Renamed", g.name());
        assertEquals(OWNER, g.ownerId(), "absent fields keep their value");
        assertEquals("abc", g.icon());
        assertEquals(List.of(11L), cache.roles(G).orElseThrow().stream().map(r -> r.id()).toList());
        assertEquals(List.of(23L), cache.channels(G).orElseThrow().stream().map(Channel::id).toList());
        assertEquals(List.of(), cache.voiceStates(G).orElseThrow());
        assertEquals(2, g.cachedMembers(), "members are upserted, not replaced");
        assertEquals("bobby", cache.member(G, BOB).orElseThrow().user().username());
    }

    @Test
    void guildUpdateWithoutArraysKeepsTheSets() {
        cache.apply(fullGuild());
        cache.apply(json("{\"type\":\"guild\",\"id\":\"%d\",\"name\":\"N\",\"icon\":null}".formatted(G)));
        Guild g = cache.guild(G).orElseThrow();
        assertNull(g.icon(), "explicit null clears");
        assertEquals(2, g.channelCount());
        assertEquals(2, g.roleCount());
        assertEquals(1, g.voiceStateCount());
    }

    @Test
    void deletingAGuildRemovesEverythingUnderItAndItsUnsharedUsers() {
        cache.apply(fullGuild());
        cache.apply(member(G, BOB, "bob", null, ""));
        cache.apply(member(99, BOB, "bob", null, ""));
        assertEquals(2, cache.userCount());
        cache.apply(json("{\"type\":\"guild\",\"delete\":true,\"id\":\"%d\"}".formatted(G)));
        assertTrue(cache.guild(G).isEmpty());
        assertTrue(cache.member(G, ALICE).isEmpty());
        assertTrue(cache.channels(G).isEmpty());
        assertTrue(cache.voiceState(G, ALICE).isEmpty());
        assertTrue(cache.user(ALICE).isEmpty(), "alice had no other membership");
        assertEquals("bob", cache.user(BOB).orElseThrow().username(), "bob is still a member of guild 99");
        assertEquals(1, cache.userCount());
        assertFalse(cache.deleteGuild(G));
    }

    @Test
    void oneUserRecordIsSharedByAllMemberships() {
        cache.apply(member(1, ALICE, "alice", null, ""));
        cache.apply(member(2, ALICE, "alice", "A2", ""));
        cache.apply(member(1, ALICE, "alice_new", null, ""));
        assertEquals(1, cache.userCount());
        assertEquals("alice_new", cache.member(2, ALICE).orElseThrow().user().username());
        assertEquals("A2", cache.member(2, ALICE).orElseThrow().nickname());
        assertTrue(cache.deleteMember(1, ALICE));
        assertEquals("alice_new", cache.user(ALICE).orElseThrow().username());
        cache.apply(json("{\"type\":\"member\",\"delete\":true,\"id\":\"%d\",\"guildID\":\"2\"}".formatted(ALICE)));
        assertTrue(cache.user(ALICE).isEmpty(), "the user goes with its last membership");
        assertEquals(0, cache.userCount());
    }

    @Test
    void memberPayloadUpdatesOnlyWhatItCarries() {
        cache.apply(member(G, ALICE, "alice", "Al", "\"10\",\"11\",\"10\""));
        assertArrayEquals(new long[] {10, 11}, cache.member(G, ALICE).orElseThrow().roles(), "sorted, deduplicated");
        cache.apply(json("""
                {"type":"member","id":"%d","guildID":"%d","communicationDisabledUntil":"2030-01-01T00:00:00+00:00",
                 "deaf":true,"avatar":"ff"}""".formatted(ALICE, G)));
        Member m = cache.member(G, ALICE).orElseThrow();
        assertEquals("Al", m.nickname());
        assertArrayEquals(new long[] {10, 11}, m.roles());
        assertEquals("alice", m.user().username());
        assertTrue(m.deaf());
        assertFalse(m.mute());
        assertEquals("ff", m.avatar());
        assertEquals(Timestamps.parseMicros("2030-01-01T00:00:00Z"), m.communicationDisabledUntil());
        cache.apply(json("{\"type\":\"member\",\"id\":\"%d\",\"guildID\":\"%d\",\"nickname\":null}".formatted(ALICE, G)));
        assertNull(cache.member(G, ALICE).orElseThrow().nickname());
    }

    @Test
    void voiceStateWithNullChannelIsRemoved() {
        cache.apply(fullGuild());
        cache.apply(json("""
                {"type":"voiceState","guildID":"%d","channelID":null,"userID":"%d","deaf":false}""".formatted(G, ALICE)));
        assertTrue(cache.voiceState(G, ALICE).isEmpty());
        cache.apply(json("""
                {"type":"voiceState","guildID":"%d","channelID":"21","userID":"%d","selfMute":true}""".formatted(G, BOB)));
        assertTrue(cache.voiceState(G, BOB).orElseThrow().selfMute());
        cache.apply(json("{\"type\":\"voiceState\",\"delete\":true,\"guildID\":\"%d\",\"userID\":\"%d\"}".formatted(G, BOB)));
        assertTrue(cache.voiceStates(G).orElseThrow().isEmpty());
    }

    @Test
    void repeatedAndOutOfOrderPayloadsAreHarmless() {
        // member and channel before their guild, deletes of things never seen, the same payload twice
        cache.apply(member(G, ALICE, "alice", null, "\"10\""));
        cache.apply(member(G, ALICE, "alice", null, "\"10\""));
        cache.apply(Payloads.channel(G, 30, 0, ""));
        cache.apply(json("{\"type\":\"role\",\"delete\":true,\"id\":\"77\",\"guildID\":\"%d\"}".formatted(G)));
        cache.apply(json("{\"type\":\"channel\",\"delete\":true,\"id\":\"78\",\"guildID\":\"5\"}"));
        cache.apply(json("{\"type\":\"member\",\"delete\":true,\"id\":\"1\",\"guildID\":\"6\"}"));
        assertTrue(cache.guild(G).isEmpty(), "no guild payload yet");
        assertEquals(1, cache.userCount());
        cache.apply(json("{\"type\":\"guild\",\"id\":\"%d\",\"name\":\"late\",\"ownerID\":\"1\"}".formatted(G)));
        cache.apply(json("{\"type\":\"guild\",\"id\":\"%d\",\"name\":\"late\",\"ownerID\":\"1\"}".formatted(G)));
        Guild g = cache.guild(G).orElseThrow();
        assertEquals(1, g.cachedMembers());
        assertEquals(1, g.channelCount());
        assertEquals(1, g.memberCount(), "unknown member count falls back to the cached count");
    }

    @Test
    void roleAndChannelDeletes() {
        cache.apply(fullGuild());
        assertTrue(cache.deleteRole(G, 10));
        assertArrayEquals(new long[0], cache.member(G, ALICE).orElseThrow().roles(), "a deleted role is stripped");
        assertFalse(cache.deleteRole(G, 10));
        assertTrue(cache.deleteChannel(G, 20));
        assertTrue(cache.channel(G, 20).isEmpty());
        assertTrue(cache.deleteVoiceState(G, ALICE));
        assertTrue(cache.deleteMember(G, ALICE));
        assertTrue(cache.member(G, ALICE).isEmpty());
    }

    @Test
    void standaloneUsersAreStoredAndUnknownFieldsIgnored() {
        cache.apply(json("""
                {"type":"user","id":"%d","username":"solo","discriminator":"0042","globalName":"Solo",
                 "avatar":"not-a-hash","bot":true,"clan":{"tag":"X"},"collectibles":null,"extra":[1,2]}
                """.formatted(ALICE)));
        var u = cache.user(ALICE).orElseThrow();
        assertEquals("solo", u.username());
        assertEquals("0042", u.discriminator());
        assertEquals("not-a-hash", u.avatar());
        assertTrue(u.bot());
        cache.apply(member(G, ALICE, "solo2", null, ""));
        cache.apply(json("{\"type\":\"user\",\"delete\":true,\"id\":\"%d\"}".formatted(ALICE)));
        assertEquals("solo2", cache.user(ALICE).orElseThrow().username(), "still referenced by a membership");
    }

    @Test
    void unsignedSnowflakesRoundTrip() {
        long big = Long.parseUnsignedLong("18446744073709551615");
        cache.apply(member(big, big, "max", null, "\"18446744073709551614\""));
        Member m = cache.member(big, big).orElseThrow();
        assertEquals("18446744073709551614", Long.toUnsignedString(m.roles()[0]));
    }
}
