package dev.hubcord.cache;

import static dev.hubcord.cache.Payloads.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.cache.CacheException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BadPayloadTest {

    private final DiscordCache cache = new DiscordCache(CacheConfig.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MALFORMED_JSON    | {"type":"member","id":
            MALFORMED_JSON    | {"type":"member","id":"1","guildID":"2"} trailing
            NOT_AN_OBJECT     | [1,2]
            NOT_AN_OBJECT     | {"type":"guild","id":"1","roles":[5]}
            UNKNOWN_TYPE      | {"type":"message","id":"1"}
            UNKNOWN_TYPE      | {"id":"1","guildID":"2"}
            UNKNOWN_TYPE      | {"type":7}
            MISSING_FIELD     | {"type":"member","guildID":"2"}
            MISSING_FIELD     | {"type":"member","id":"1"}
            MISSING_FIELD     | {"type":"role","guildID":"2","name":"r"}
            MISSING_FIELD     | {"type":"voiceState","guildID":"2","channelID":"3"}
            MISSING_FIELD     | {"type":"guild","delete":true}
            INVALID_SNOWFLAKE | {"type":"member","id":"12a","guildID":"2"}
            INVALID_SNOWFLAKE | {"type":"member","id":"-1","guildID":"2"}
            INVALID_SNOWFLAKE | {"type":"member","id":"18446744073709551616","guildID":"2"}
            INVALID_SNOWFLAKE | {"type":"channel","id":"1","guildID":"x"}
            INVALID_SNOWFLAKE | {"type":"member","id":"1","guildID":"2","roles":[true]}
            INVALID_FIELD     | {"type":"member","id":"1","guildID":"2","joinedAt":"yesterday"}
            INVALID_FIELD     | {"type":"member","id":"1","guildID":"2","roles":"10"}
            INVALID_FIELD     | {"type":"member","id":"1","guildID":"2","nickname":5}
            INVALID_FIELD     | {"type":"member","id":"1","guildID":"2","user":{"id":"3"}}
            INVALID_FIELD     | {"type":"user","id":"1","discriminator":"12x4"}
            INVALID_FIELD     | {"type":"role","id":"1","guildID":"2","permissions":"-5"}
            INVALID_FIELD     | {"type":"channel","id":"1","guildID":"2","overwrites":[{"id":"3","type":"team"}]}
            INVALID_FIELD     | {"type":"guild","id":"1","memberCount":"many"}
            INVALID_FIELD     | {"type":"guild","id":"1","channels":[{"id":"3","guildID":"4"}]}
            """)
    void refusedWithItsKind(Kind kind, String payload) {
        CacheException e = assertThrows(CacheException.class, () -> cache.apply(json(payload)));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(cache.stats().guildCount() == 0 && cache.userCount() == 0, "nothing stored");
    }

    @Test
    void messagesNameTheField() {
        CacheException e = assertThrows(CacheException.class,
                () -> cache.apply(json("{\"type\":\"member\",\"id\":\"1\",\"guildID\":\"abc\"}")));
        assertTrue(e.getMessage().contains("member.guildID"), e.getMessage());
    }

    @Test
    void treeInputIsValidatedTheSameWay() throws Exception {
        var node = new ObjectMapper().readTree("{\"type\":\"member\",\"id\":\"1\",\"guildID\":\"2\",\"roles\":[\"x\"]}");
        assertEquals(Kind.INVALID_SNOWFLAKE, assertThrows(CacheException.class, () -> cache.apply(node)).kind());
        cache.apply(new ObjectMapper().readTree("{\"type\":\"member\",\"id\":\"1\",\"guildID\":\"2\",\"roles\":[\"3\"]}"));
        assertEquals(3, cache.member(2, 1).orElseThrow().roles()[0]);
    }

    @Test
    void aUserNameTooLongIsRefusedWithoutStoringAnything() {
        String name = "x".repeat(300);
        CacheException e = assertThrows(CacheException.class, () -> cache.apply(
                Payloads.member(2, 1, name, null, "")));
        assertEquals(Kind.INVALID_FIELD, e.kind());
        assertTrue(cache.member(2, 1).isEmpty());
        assertEquals(0, cache.userCount());
    }
}
