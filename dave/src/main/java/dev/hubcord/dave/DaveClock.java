package dev.hubcord.dave;

/**
 * Monotonic time source for key expiry (10 s retention of old keys and epochs) and the ratchet-age limit. Tests pass a
 * clock they can move forward; production uses {@link #system()}.
 */
@FunctionalInterface
public interface DaveClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanos();

    static DaveClock system() {
        return System::nanoTime;
    }
}
