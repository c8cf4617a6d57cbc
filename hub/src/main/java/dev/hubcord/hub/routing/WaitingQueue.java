package dev.hubcord.hub.routing;

import dev.hubcord.hub.session.RoutedEvent;
import dev.hubcord.protocol.DeliveryMode;
import java.util.ArrayDeque;
import java.util.function.Predicate;

/**
 * The events waiting for one receiver type, and the retry pass over them, which runs in slices
 * ({@link #step}) so that a queue of 100,000 never holds the router's pending lock for more than
 * one slice. Order is kept across slices: the events a pass has visited and could not deliver
 * wait apart ({@code kept}), in order, and go back in front of the unvisited ones and of those
 * that arrived meanwhile when the pass ends, so a pass, however sliced, leaves the waiting events
 * in the order they came. A retry asked during a pass is remembered and runs as a new pass right
 * after it. Not thread-safe: the router calls it under its pending lock.
 */
final class WaitingQueue {

    /** Unvisited events of the current pass at the head, then events that arrived since. */
    private final ArrayDeque<RoutedEvent> queue = new ArrayDeque<>();
    /** Events the current pass visited and could not deliver, oldest first. */
    private final ArrayDeque<RoutedEvent> kept = new ArrayDeque<>();
    /** How many events at the head of {@link #queue} the current pass has still to visit (0: no pass). */
    private int unvisited;
    /** Once a plain {@code one} event finds no receiver, no later one will in this pass (same candidates). */
    private boolean oneFull;
    private boolean again;

    int size() {
        return queue.size() + kept.size();
    }

    void add(RoutedEvent event) {
        queue.add(event);
    }

    /** Drops the oldest waiting event (the queue is full). */
    void dropOldest() {
        if (!kept.isEmpty()) {
            kept.poll();
        } else if (queue.poll() != null && unvisited > 0) {
            unvisited--;
        }
    }

    /**
     * Asks for a pass over every waiting event. Returns true when the caller must drive it with
     * {@link #step}; false when a pass is already running (it is followed by another) or nothing waits.
     */
    boolean requestPass() {
        if (unvisited > 0) {
            again = true;
            return false;
        }
        unvisited = queue.size();
        oneFull = false;
        return unvisited > 0;
    }

    /** Whether a pass is under way (more {@link #step}s are needed). */
    boolean passing() {
        return unvisited > 0;
    }

    /**
     * Visits up to {@code max} events of the current pass, delivering each that {@code deliver}
     * accepts; returns how many were delivered.
     */
    int step(int max, Predicate<RoutedEvent> deliver) {
        int delivered = 0;
        for (int i = 0; i < max && unvisited > 0; i++) {
            RoutedEvent event = queue.poll();
            unvisited--;
            boolean plainOne = event.type().mode() == DeliveryMode.ONE;
            if (!(plainOne && oneFull) && deliver.test(event)) {
                delivered++;
            } else {
                oneFull |= plainOne;
                kept.add(event);
            }
        }
        if (unvisited == 0) {
            while (!kept.isEmpty()) {
                queue.addFirst(kept.pollLast());
            }
            if (again) {
                again = false;
                unvisited = queue.size();
                oneFull = false;
            }
        }
        return delivered;
    }
}
