package dev.hubcord.audio.voice;

import java.util.ArrayDeque;

/**
 * How often a voice connection may ask for a rejoin (a fresh voice session from Discord): at most
 * {@code max} in any minute, so that a voice server that keeps refusing the bot does not make it rejoin without end.
 * Confined to the connection's event loop.
 */
final class RejoinBudget {

    private static final long WINDOW_MS = 60_000;

    private final int max;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    RejoinBudget(int max) {
        this.max = max;
    }

    /** Takes one rejoin at {@code nowMs} if fewer than {@code max} were taken in the minute before. */
    boolean take(long nowMs) {
        while (!times.isEmpty() && nowMs - times.peek() > WINDOW_MS) {
            times.poll();
        }
        if (times.size() >= max) {
            return false;
        }
        times.add(nowMs);
        return true;
    }
}
