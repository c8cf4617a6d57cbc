package dev.hubcord.hub.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.hub.session.RoutedEvent;
import dev.hubcord.protocol.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WaitingQueueTest {

    private static RoutedEvent event(int n) {
        return RoutedEvent.ofHubForGuild(EventType.PLAYER_JOIN, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8),
                String.valueOf(n));
    }

    private static int number(RoutedEvent e) {
        return Integer.parseInt(e.guildId());
    }

    /** Delivers what {@code accept} takes, one slice at a time, recording the order of deliveries. */
    private static List<Integer> drain(WaitingQueue q, int slice, Predicate<Integer> accept, List<Integer> delivered) {
        while (q.passing()) {
            q.step(slice, e -> accept.test(number(e)) && delivered.add(number(e)));
        }
        return delivered;
    }

    @Test
    void aSlicedPassDeliversInOrderAndKeepsTheRestInOrder() {
        WaitingQueue q = new WaitingQueue();
        for (int i = 0; i < 10_000; i++) {
            q.add(event(i));
        }
        assertTrue(q.requestPass());
        List<Integer> delivered = new ArrayList<>();
        int steps = 0;
        while (q.passing()) {
            q.step(1024, e -> number(e) % 3 == 0 && delivered.add(number(e)));
            steps++;
            if (steps == 2) {
                q.add(event(10_000)); // arrives mid-pass: it stays behind every older waiting event
            }
        }
        assertEquals(10, steps, "10,000 events in slices of 1,024");
        assertEquals(3334, delivered.size());
        for (int i = 1; i < delivered.size(); i++) {
            assertTrue(delivered.get(i - 1) < delivered.get(i), "delivered in order");
        }
        assertEquals(10_000 - 3334 + 1, q.size());
        assertTrue(q.requestPass());
        List<Integer> rest = drain(q, 100, n -> true, new ArrayList<>());
        assertEquals(10_000 - 3334 + 1, rest.size());
        for (int i = 1; i < rest.size(); i++) {
            assertTrue(rest.get(i - 1) < rest.get(i), "the waiting events kept their order: " + rest.subList(i - 1, i + 1));
        }
        assertEquals(10_000, rest.getLast());
    }

    @Test
    void aRetryAskedDuringAPassRunsAnotherPassAfterIt() {
        WaitingQueue q = new WaitingQueue();
        for (int i = 0; i < 50; i++) {
            q.add(event(i));
        }
        assertTrue(q.requestPass());
        List<Integer> delivered = new ArrayList<>();
        boolean[] open = {false};
        q.step(10, e -> open[0] && delivered.add(number(e)));
        assertFalse(q.requestPass(), "a pass is running: it is followed by another, not restarted");
        open[0] = true;
        drain(q, 10, n -> open[0], delivered);
        assertEquals(50, delivered.size(), "the second pass delivered the first ten as well");
        assertEquals(List.of(10, 11), delivered.subList(0, 2));
        assertEquals(List.of(0, 1), delivered.subList(40, 42));
        assertEquals(0, q.size());
        assertFalse(q.requestPass(), "nothing waits: nothing to drive");
    }

    @Test
    void droppingTheOldestDuringAPassDropsTheOldestStill() {
        WaitingQueue q = new WaitingQueue();
        for (int i = 0; i < 20; i++) {
            q.add(event(i));
        }
        q.requestPass();
        q.step(5, e -> false);
        q.dropOldest();
        assertTrue(q.requestPass() || q.passing());
        List<Integer> rest = drain(q, 3, n -> true, new ArrayList<>());
        assertEquals(19, rest.size());
        assertFalse(rest.contains(0), "event 0 was the oldest, though the pass had set it apart");
        assertEquals(List.of(1, 2, 3, 4), rest.subList(15, 19), "the pass's rest first, then the retry asked meanwhile");
    }
}
