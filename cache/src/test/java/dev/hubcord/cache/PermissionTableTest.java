package dev.hubcord.cache;

import static dev.hubcord.cache.Payloads.json;
import static dev.hubcord.cache.Payloads.overwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expected values worked out by hand from Discord's documented algorithm (bits: VIEW_CHANNEL 1024,
 * SEND_MESSAGES 2048, EMBED_LINKS 16384, ATTACH_FILES 32768, READ_MESSAGE_HISTORY 65536,
 * KICK_MEMBERS 2, MANAGE_MESSAGES 8192, MENTION_EVERYONE 131072, CONNECT 1048576, SPEAK 2097152).
 */
class PermissionTableTest {

    static final long G = 900;
    static final long OWNER = 1, ADMIN = 2, MOD = 3, PLAIN = 4, MUTED = 5, TIMED_OUT = 6, TIMEOUT_OVER = 7;
    static final long ROLE_MOD = 10, ROLE_ADMIN = 11, ROLE_MUTED = 12;
    static final long GENERAL = 20, SECRET = 21, READONLY = 22, PRIVATE = 23, VOICE = 24, NOSEND = 25;

    /** @everyone: VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY. */
    static final long EVERYONE_PERMS = 1024 + 2048 + 16384 + 32768 + 65536; // 117760
    /** mod role: KICK_MEMBERS | MANAGE_MESSAGES | MENTION_EVERYONE. */
    static final long MOD_PERMS = 2 + 8192 + 131072; // 139266

    static final long ALL = 9_007_199_254_740_991L; // 2^53 - 1
    static final long PLAIN_BASE = 117_760;
    static final long MOD_BASE = 257_026; // 117760 | 139266
    static final long TIMEOUT_KEEPS = 66_560; // VIEW_CHANNEL | READ_MESSAGE_HISTORY
    /** secret: @everyone denies VIEW_CHANNEL: nothing at all. */
    static final long PLAIN_IN_SECRET = 0;
    /** secret: the mod role's overwrite gives VIEW_CHANNEL back. */
    static final long MOD_IN_SECRET = 257_026;
    /** read-only: no SEND_MESSAGES, so EMBED_LINKS and ATTACH_FILES go too: 117760 - 2048 - 16384 - 32768. */
    static final long PLAIN_IN_READONLY = 66_560;
    /** read-only: role overwrites combine, the mod role's allow beats the muted role's deny. */
    static final long MUTED_IN_READONLY = 257_026;
    /** private: member overwrite allows VIEW_CHANNEL, denies ATTACH_FILES: 117760 - 32768. */
    static final long PLAIN_IN_PRIVATE = 84_992;
    static final long MOD_IN_PRIVATE = 0;
    /** voice: @everyone overwrite allows CONNECT | SPEAK: 117760 + 3145728; text rule does not apply. */
    static final long PLAIN_IN_VOICE = 3_263_488;
    /** no-send: mod loses SEND_MESSAGES, MENTION_EVERYONE, ATTACH_FILES, EMBED_LINKS: 257026 - 182272. */
    static final long MOD_IN_NOSEND = 74_754;

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private DiscordCache cache;

    @BeforeEach
    void load() {
        cache = new DiscordCache(CacheConfig.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        cache.apply(json("""
                {"type":"guild","id":"%d","name":"perm","ownerID":"%d","roles":[
                  {"id":"%d","name":"@everyone","permissions":"%d"},
                  {"id":"%d","name":"mod","permissions":"%d"},
                  {"id":"%d","name":"admin","permissions":"8"},
                  {"id":"%d","name":"muted","permissions":"0"}]}
                """.formatted(G, OWNER, G, EVERYONE_PERMS, ROLE_MOD, MOD_PERMS, ROLE_ADMIN, ROLE_MUTED)));
        cache.apply(Payloads.channel(G, GENERAL, 0, ""));
        cache.apply(Payloads.channel(G, SECRET, 0, String.join(",", overwrite(G, "role", 0, 1024),
                overwrite(ROLE_MOD, "role", 1024, 0), overwrite(ROLE_ADMIN, "role", 0, 1024))));
        cache.apply(Payloads.channel(G, READONLY, 0, String.join(",", overwrite(G, "role", 0, 2048),
                overwrite(ROLE_MOD, "role", 2048, 0), overwrite(ROLE_MUTED, "role", 0, 2048))));
        cache.apply(Payloads.channel(G, PRIVATE, 0, String.join(",", overwrite(G, "role", 0, 1024),
                overwrite(PLAIN, "member", 1024, 32768))));
        cache.apply(Payloads.channel(G, VOICE, 2, overwrite(G, "role", 1048576 + 2097152, 0)));
        cache.apply(Payloads.channel(G, NOSEND, 0, overwrite(G, "role", 0, 2048)));
        member(OWNER, "", null);
        member(ADMIN, "\"" + ROLE_ADMIN + "\"", null);
        member(MOD, "\"" + ROLE_MOD + "\"", null);
        member(PLAIN, "", null);
        member(MUTED, "\"" + ROLE_MOD + "\",\"" + ROLE_MUTED + "\"", null);
        member(TIMED_OUT, "\"" + ROLE_MOD + "\"", "2025-01-02T00:00:00+00:00");
        member(TIMEOUT_OVER, "\"" + ROLE_MOD + "\"", "2024-12-31T00:00:00+00:00");
    }

    private void member(long id, String roles, String timeout) {
        cache.apply(json("""
                {"type":"member","id":"%d","guildID":"%d","roles":[%s],"communicationDisabledUntil":%s,
                 "user":{"id":"%d","username":"u%d","discriminator":"0"}}
                """.formatted(id, G, roles, timeout == null ? "null" : "\"" + timeout + "\"", id, id)));
    }

    private long perms(long user) {
        return cache.permissions(G, user).orElseThrow();
    }

    private long perms(long user, long channel) {
        return cache.permissions(G, user, channel).orElseThrow();
    }

    @Test
    void guildWide() {
        assertEquals(ALL, perms(OWNER));
        assertEquals(ALL, perms(ADMIN));
        assertEquals(PLAIN_BASE, perms(PLAIN));
        assertEquals(MOD_BASE, perms(MOD));
        assertEquals(TIMEOUT_KEEPS, perms(TIMED_OUT));
        assertEquals(MOD_BASE, perms(TIMEOUT_OVER), "a timeout in the past no longer applies");
    }

    @Test
    void ownerAndAdministratorIgnoreOverwrites() {
        assertEquals(ALL, perms(OWNER, SECRET));
        assertEquals(ALL, perms(ADMIN, SECRET), "administrator beats its role's VIEW_CHANNEL deny");
    }

    @Test
    void everyoneAndRoleOverwrites() {
        assertEquals(PLAIN_BASE, perms(PLAIN, GENERAL));
        assertEquals(PLAIN_IN_SECRET, perms(PLAIN, SECRET));
        assertEquals(MOD_IN_SECRET, perms(MOD, SECRET));
        assertEquals(MUTED_IN_READONLY, perms(MUTED, READONLY));
        assertEquals(PLAIN_IN_VOICE, perms(PLAIN, VOICE));
    }

    @Test
    void memberOverwrite() {
        assertEquals(PLAIN_IN_PRIVATE, perms(PLAIN, PRIVATE));
        assertEquals(MOD_IN_PRIVATE, perms(MOD, PRIVATE));
    }

    @Test
    void textChannelWithoutSendMessages() {
        assertEquals(PLAIN_IN_READONLY, perms(PLAIN, READONLY));
        assertEquals(PLAIN_IN_READONLY, perms(PLAIN, NOSEND));
        assertEquals(MOD_IN_NOSEND, perms(MOD, NOSEND));
    }

    @Test
    void timeout() {
        assertEquals(TIMEOUT_KEEPS, perms(TIMED_OUT, GENERAL));
        assertEquals(TIMEOUT_KEEPS, perms(TIMED_OUT, VOICE));
        assertEquals(0, perms(TIMED_OUT, PRIVATE), "no VIEW_CHANNEL there");
        assertEquals(MOD_BASE, perms(TIMEOUT_OVER, GENERAL));
    }

    @Test
    void unknownMemberOrChannelHasNoAnswer() {
        assertTrue(cache.permissions(G, 999).isEmpty());
        assertTrue(cache.permissions(G, PLAIN, 999).isEmpty());
        assertTrue(cache.permissions(12345, PLAIN).isEmpty());
    }
}
