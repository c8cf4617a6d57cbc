package dev.hubcord.protocol.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@link Outbox} with publisher acknowledgements: numbering, holding until confirmed, replay, bounds. */
class PublishOutboxTest {

    private static byte[] event(String name) {
        return ("{\"op\":2,\"t\":\"" + name + "\",\"d\":{}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String numbered(long ps, String name) {
        return "{\"ps\":" + ps + ",\"op\":2,\"t\":\"" + name + "\",\"d\":{}}";
    }

    private static String next(EmbeddedChannel ch) {
        byte[] out = ch.readOutbound();
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void numbersAPayloadWithoutReencodingIt() {
        assertEquals("{\"ps\":7,\"op\":5,\"d\":{\"type\":\"user\"}}", new String(PublishBuffer.number(
                "{\"op\":5,\"d\":{\"type\":\"user\"}}".getBytes(StandardCharsets.UTF_8), 7), StandardCharsets.UTF_8));
        assertEquals("{\"ps\":1}", new String(PublishBuffer.number("{}".getBytes(StandardCharsets.UTF_8), 1),
                StandardCharsets.UTF_8));
    }

    @Test
    void holdsWhatTheHubHasNotConfirmedAndWritesOnlyThatAfterAResume() {
        Outbox outbox = new Outbox(10, Long.MAX_VALUE, true);
        assertTrue(outbox.offer(event("A")));
        assertEquals(1, outbox.queued(), "no session yet: waiting");
        EmbeddedChannel first = new EmbeddedChannel();
        outbox.open(first, "s1", 0);
        assertEquals(numbered(1, "A"), next(first));
        assertTrue(outbox.offer(event("B")));
        assertTrue(outbox.offer(event("C")));
        assertEquals(numbered(2, "B"), next(first));
        assertEquals(numbered(3, "C"), next(first));
        assertEquals(0, outbox.queued(), "written");
        assertEquals(3, outbox.held(), "written but not confirmed");
        outbox.confirm(1);
        assertEquals(2, outbox.held());

        // The connection drops: B and C may never have reached the hub. D waits.
        outbox.detach();
        assertTrue(outbox.offer(event("D")));
        assertEquals(3, outbox.queued());
        EmbeddedChannel second = new EmbeddedChannel();
        outbox.open(second, "s1", 2); // RESUMED says the hub took up to 2 (B)
        assertEquals(numbered(3, "C"), next(second));
        assertEquals(numbered(4, "D"), next(second));
        assertNull(next(second));
        assertEquals(2, outbox.held());
        outbox.confirm(4);
        assertEquals(0, outbox.held());
        assertEquals(0, outbox.heldBytes());
    }

    @Test
    void aNewSessionGetsEverythingStillHeldWithTheSameNumbers() {
        Outbox outbox = new Outbox(10, Long.MAX_VALUE, true);
        EmbeddedChannel first = new EmbeddedChannel();
        outbox.open(first, "s1", 0);
        outbox.offer(event("A"));
        outbox.offer(event("B"));
        outbox.detach();
        outbox.discardSession();
        EmbeddedChannel second = new EmbeddedChannel();
        outbox.open(second, "s2", 0); // a fresh IDENTIFIED: the new session has taken nothing
        assertEquals(numbered(1, "A"), next(second));
        assertEquals(numbered(2, "B"), next(second));
        assertNull(next(second));
    }

    @Test
    void refusesWhileFullEvenWhenConnectedUntilTheHubConfirms() {
        Outbox outbox = new Outbox(2, Long.MAX_VALUE, true);
        EmbeddedChannel ch = new EmbeddedChannel();
        outbox.open(ch, "s1", 0);
        assertTrue(outbox.offer(event("A")));
        assertTrue(outbox.offer(event("B")));
        assertFalse(outbox.offer(event("C")), "two unconfirmed: full");
        outbox.confirm(1);
        assertTrue(outbox.offer(event("C")));
        assertEquals(numbered(1, "A"), next(ch));
        assertEquals(numbered(2, "B"), next(ch));
        assertEquals(numbered(3, "C"), next(ch));
    }

    @Test
    void boundsTheBytesButAlwaysTakesOnePayload() {
        int size = PublishBuffer.number(event("A"), 1).length;
        Outbox outbox = new Outbox(100, size + 5, true);
        assertTrue(outbox.offer(event("A")));
        assertFalse(outbox.offer(event("B")), "over the byte bound");
        assertEquals(size, outbox.heldBytes());
        Outbox tiny = new Outbox(100, 1, true);
        assertTrue(tiny.offer(event("A")), "an empty buffer takes any one payload");
        assertFalse(tiny.offer(event("B")));
    }

    @Test
    void aHubThatDoesNotConfirmGetsTheOldBehaviour() {
        Outbox outbox = new Outbox(10, Long.MAX_VALUE, true);
        outbox.offer(event("A"));
        EmbeddedChannel ch = new EmbeddedChannel();
        outbox.open(ch, "s1", Outbox.NOT_CONFIRMING);
        assertEquals(numbered(1, "A"), next(ch));
        outbox.offer(event("B"));
        assertEquals(numbered(2, "B"), next(ch));
        assertEquals(0, outbox.held(), "nothing is held for a hub that never confirms");
    }

    @Test
    void closeReportsWhatItDrops() {
        Outbox outbox = new Outbox(10, Long.MAX_VALUE, true);
        outbox.offer(event("A"));
        outbox.offer(event("B"));
        assertEquals(2, outbox.clear());
        assertEquals(0, outbox.held());
    }
}
