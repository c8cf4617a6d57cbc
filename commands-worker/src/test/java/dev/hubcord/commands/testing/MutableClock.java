package dev.hubcord.commands.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Real time plus an offset a test can move forward ("five hours later"). */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset;

    public MutableClock() {
        this(new AtomicReference<>(Duration.ZERO));
    }

    private MutableClock(AtomicReference<Duration> offset) {
        this.offset = offset;
    }

    public void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
