package dev.hubcord.dave;

import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, so key expiry and ratchet-age limits are checked without waiting. */
public final class TestClock implements DaveClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanos() {
        return nanos.get();
    }

    public void advanceSeconds(double seconds) {
        nanos.addAndGet((long) (seconds * 1e9));
    }
}
