package dev.hubcord.discordrest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The global requests of this process that the hub it talks to now has not heard of: those sent on the local share
 * whose {@code RATELIMIT_UPDATE} could not be sent (no connection), and those sent on a permit of an earlier hub
 * session (a hub that has since restarted knows nothing of them). The next {@code RATELIMIT_ACQUIRE} carries them
 * ({@code recent}), so the hub charges its global window with them before it grants anything.
 *
 * <p>Bounded: a sent request is tracked until its answer is reported to the hub, or, unheard, until one window
 * after its answer (it reached Discord before that, so no later window holds it); at most {@link #MAX} entries, the
 * oldest dropped first (the share of a process is at most the global limit per second, far below it).
 */
final class UnheardSends {

    /** The most entries kept, and so the most one acquire carries (the hub's bound too, see the protocol). */
    static final int MAX = 1_000;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One global request: its session ({@code null}: the local share), its answer time, and whether it is out. */
    static final class Send {
        private final String session;
        private long answeredNanos;
        private boolean answered;
        /** Carried by an acquire not answered yet, or (still without an answer) by one answered. */
        private boolean charging;

        private Send(String session) {
            this.session = session;
        }
    }

    private final ArrayDeque<Send> sends = new ArrayDeque<>();

    /** A global request goes out, on a permit of hub session {@code session} or ({@code null}) on the local share. */
    synchronized Send sent(String session) {
        if (sends.size() >= MAX) {
            sends.pollFirst();
        }
        Send s = new Send(session);
        sends.addLast(s);
        return s;
    }

    /** Its answer came and the hub it talks to now heard of it (an update on the current session). */
    synchronized void heard(Send s) {
        sends.remove(s);
    }

    /** Its answer came and no hub heard of it: from now on it waits, as answered, for the next acquire. */
    synchronized void unheard(Send s, long now) {
        s.answeredNanos = now;
        s.answered = true;
        s.charging = false;
    }

    /** Whether {@code s} was granted on {@code session} (so the hub of that session knows it by its permit). */
    static boolean grantedOn(Send s, String session) {
        return s.session != null && s.session.equals(session);
    }

    /**
     * The sends for an acquire on {@code session}: each as milliseconds since its answer (0 while it is out). Those
     * out on a permit of this very session are known to its hub and left out. The sends returned are marked, so
     * that acquires running at the same time do not carry them twice; {@link #charged} or {@link #notCharged} must
     * follow.
     */
    synchronized Batch take(String session, long now) {
        List<Send> taken = new ArrayList<>();
        List<Integer> ages = new ArrayList<>();
        for (Iterator<Send> it = sends.iterator(); it.hasNext(); ) {
            Send s = it.next();
            if (s.answered && now - s.answeredNanos >= WINDOW_NANOS) {
                it.remove();
            } else if (!s.charging && !(!s.answered && grantedOn(s, session))) {
                s.charging = true;
                taken.add(s);
                ages.add(s.answered ? (int) TimeUnit.NANOSECONDS.toMillis(now - s.answeredNanos) : 0);
            }
        }
        return new Batch(taken, ages);
    }

    /**
     * The hub answered the acquire that carried {@code batch}: the answered sends are done with; those still out
     * stay marked (charged once), and their answer is reported as usual.
     */
    synchronized void charged(Batch batch) {
        for (Send s : batch.sends()) {
            if (s.answered) {
                sends.remove(s);
            }
        }
    }

    /** The acquire that carried {@code batch} got no answer: the next one carries them again. */
    synchronized void notCharged(Batch batch) {
        batch.sends().forEach(s -> s.charging = false);
    }

    synchronized int size() {
        return sends.size();
    }

    /** Sends carried by one acquire, and their ages in milliseconds (the {@code recent} field). */
    record Batch(List<Send> sends, List<Integer> ages) {
        boolean isEmpty() {
            return sends.isEmpty();
        }
    }
}
