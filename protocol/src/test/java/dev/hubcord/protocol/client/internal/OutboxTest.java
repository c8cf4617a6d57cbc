package dev.hubcord.protocol.client.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static byte[] p(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String next(EmbeddedChannel ch) {
        byte[] out = ch.readOutbound();
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void queuesWhileDetachedRefusesWhenFullAndFlushesInOrderOnOpen() {
        Outbox outbox = new Outbox(2);
        assertTrue(outbox.offer(p("a")));
        assertTrue(outbox.offer(p("b")));
        assertFalse(outbox.offer(p("c")));
        assertEquals(2, outbox.queued());
        EmbeddedChannel ch = new EmbeddedChannel();
        outbox.open(ch, "s1");
        assertEquals("a", next(ch));
        assertEquals("b", next(ch));
        assertTrue(outbox.offer(p("c")), "open: straight through");
        assertEquals("c", next(ch));
        assertNull(next(ch));
        assertEquals(0, outbox.queued());
    }

    @Test
    void zeroCapacityRefusesEverythingWhileDisconnected() {
        Outbox outbox = new Outbox(0);
        assertFalse(outbox.offer(p("a")));
        EmbeddedChannel ch = new EmbeddedChannel();
        outbox.open(ch, "s");
        assertTrue(outbox.offer(p("a")));
        assertEquals("a", next(ch));
    }

    @Test
    void acksOfTheResumedSessionGoFirstAndThoseOfAnotherSessionAreDropped() {
        Outbox outbox = new Outbox(10);
        EmbeddedChannel first = new EmbeddedChannel();
        outbox.open(first, "s1");
        outbox.ack("s1", 4);
        assertEquals("{\"op\":7,\"d\":{\"s\":4}}", next(first));
        outbox.detach();
        outbox.ack("s1", 5);
        outbox.ack("other", 6);
        assertTrue(outbox.offer(p("x")));
        assertEquals(1, outbox.pendingAcks());

        EmbeddedChannel resumed = new EmbeddedChannel();
        outbox.open(resumed, "s1");
        assertEquals("{\"op\":7,\"d\":{\"s\":5}}", next(resumed));
        assertEquals("x", next(resumed));
        assertNull(next(resumed));

        outbox.detach();
        outbox.ack("s1", 7);
        EmbeddedChannel fresh = new EmbeddedChannel();
        outbox.open(fresh, "s2");
        assertNull(next(fresh), "a new session does not get the old session's ACKs");
        outbox.ack("s1", 8);
        assertNull(next(fresh));
    }

    @Test
    void discardedSessionKeepsQueuedPayloadsButNotAcks() {
        Outbox outbox = new Outbox(10);
        outbox.open(new EmbeddedChannel(), "s1");
        outbox.detach();
        outbox.ack("s1", 1);
        outbox.offer(p("keep"));
        outbox.discardSession();
        assertEquals(0, outbox.pendingAcks());
        EmbeddedChannel ch = new EmbeddedChannel();
        outbox.open(ch, "s1");
        assertArrayEquals(p("keep"), ch.readOutbound());
        assertNull(next(ch));
    }

    @Test
    void queuesWhileTheChannelIsNotWritableAndWritesInOrderWhenItIs() {
        Outbox outbox = new Outbox(2);
        EmbeddedChannel ch = new EmbeddedChannel();
        outbox.open(ch, "s1");
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false); // as when the hub stops reading
        assertTrue(outbox.offer(p("a")));
        assertTrue(outbox.offer(p("b")));
        assertFalse(outbox.offer(p("c")), "bounded: refused rather than piled up in the channel");
        assertNull(next(ch), "nothing written while not writable");
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        outbox.writable(ch);
        assertEquals("a", next(ch));
        assertEquals("b", next(ch));
        assertTrue(outbox.offer(p("c")));
        assertEquals("c", next(ch));
        assertEquals(0, outbox.queued());
    }
}
