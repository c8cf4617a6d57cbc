package dev.hubcord.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link DiscordCache#apply(byte[], int, int)}: {@code d} read in place inside a whole op 5 envelope. */
class ByteRangeApplyTest {

    private final DiscordCache cache = new DiscordCache(CacheConfig.defaults());

    private static int[] range(String envelope, String d) {
        int start = envelope.indexOf(d);
        return new int[] {start, d.length()};
    }

    @Test
    void readsOnlyTheGivenRange() {
        String member = new String(Payloads.member(5, 9, "nine", null, ""), StandardCharsets.UTF_8).strip();
        String guild = "{\"type\":\"guild\",\"id\":\"5\",\"name\":\"five\",\"roles\":[{\"id\":\"5\",\"name\":\"@everyone\"}]}";
        for (String d : new String[] {member, guild}) {
            String envelope = "{\"op\":5,\"d\":" + d + ",\"trailing\":[1,2,3]}";
            byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
            int[] r = range(envelope, d);
            cache.apply(bytes, r[0], r[1]);
        }
        assertEquals("nine", cache.member(5, 9).orElseThrow().user().username());
        assertEquals("five", cache.guild(5).orElseThrow().name());
    }

    @Test
    void aRangeCuttingTheObjectIsRefused() {
        String d = "{\"type\":\"user\",\"id\":\"3\",\"username\":\"three\"}";
        byte[] bytes = ("{\"op\":5,\"d\":" + d + "}").getBytes(StandardCharsets.UTF_8);
        int start = 12;
        CacheException e = assertThrows(CacheException.class, () -> cache.apply(bytes, start, d.length() - 1));
        assertEquals(CacheException.Kind.MALFORMED_JSON, e.kind());
        assertTrue(cache.user(3).isEmpty());
        cache.apply(bytes, start, d.length());
        assertEquals("three", cache.user(3).orElseThrow().username());
    }
}
