package dev.hubcord.hub.session;

/**
 * Publisher acknowledgements of one session: the highest client sequence number ({@code ps}) the hub
 * has taken from it, and the highest it has confirmed with op 8. A payload whose {@code ps} is not
 * above the last taken is a duplicate (the client sent it again after a drop, not knowing the hub had
 * it) and is dropped. Connections of one session can overlap for a moment (a RESUME while the old
 * connection's last reads are handled), so the methods are synchronized.
 */
public final class PublishLedger {

    private boolean enabled;
    private long taken;
    private long confirmed;

    /** Turns acknowledgements on (IDENTIFY or RESUME with {@code publishAcks: true}); they stay on. */
    public synchronized void enable() {
        enabled = true;
    }

    public synchronized boolean enabled() {
        return enabled;
    }

    /**
     * Takes the payload numbered {@code ps} unless it was taken before.
     *
     * @return {@code false} for a duplicate, which the caller drops
     */
    public synchronized boolean take(long ps) {
        if (ps <= taken) {
            return false;
        }
        taken = ps;
        return true;
    }

    /** The last {@code ps} taken, 0 before the first: IDENTIFIED's and RESUMED's {@code published}. */
    public synchronized long taken() {
        return taken;
    }

    /**
     * What to confirm after a read batch: the last {@code ps} taken if it was not confirmed yet, else
     * {@code -1}. Calling it marks the value as confirmed.
     */
    public synchronized long confirmDue() {
        if (!enabled || taken <= confirmed) {
            return -1;
        }
        confirmed = taken;
        return taken;
    }

    /** A RESUME: its RESUMED confirms everything taken so far; returns that, RESUMED's {@code published}. */
    public synchronized long resumed() {
        confirmed = taken;
        return taken;
    }
}
