package dev.hubcord.commands.builtin;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.store.Journal;
import dev.hubcord.commands.store.TimedBans;
import dev.hubcord.discordrest.DiscordRestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifts timed bans when due: every {@code interval} it claims due bans (so workers sharing the database lift each
 * once), unbans, and forgets them. A failed unban keeps the ban stored; its claim runs out and it is tried again.
 * Bans that fell due while no worker ran are lifted at the next start. Also purges the journal now and then.
 */
public final class TimedBanLifter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimedBanLifter.class);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final TimedBans bans;
    private final Journal journal;
    private final DiscordApi discord;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong lifted = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private Instant lastPurge = Instant.MIN;

    public TimedBanLifter(TimedBans bans, Journal journal, DiscordApi discord, Clock clock, Duration interval) {
        this.bans = bans;
        this.journal = journal;
        this.discord = discord;
        this.clock = clock;
        this.interval = interval;
        this.thread = Thread.ofVirtual().name("timed-bans").unstarted(this::loop);
    }

    public TimedBanLifter start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("timed bans: {}", e.toString());
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One pass: lifts what is due now. */
    void tick() {
        Instant now = clock.instant();
        for (TimedBans.TimedBan ban : bans.due(now, 50)) {
            if (!running || !bans.claim(ban, now, LEASE)) {
                continue;
            }
            try {
                discord.unban(ban.guildId(), ban.userId(), "Timed ban expired"
                        + (ban.reason() == null ? "" : " (was: " + ban.reason() + ")"));
                log.info("timed ban of {} in {} lifted", ban.userId(), ban.guildId());
            } catch (DiscordRestException e) {
                if (e.code() != 10026) { // Unknown Ban: someone lifted it already, which is just as good
                    log.warn("timed ban of {} in {}: unban failed, will retry: {}", ban.userId(), ban.guildId(),
                            e.getMessage());
                    continue;
                }
            }
            bans.lifted(ban);
            lifted.incrementAndGet();
        }
        if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) > 0) {
            lastPurge = now;
            int purged = journal.purge();
            if (purged > 0) {
                log.info("journal: {} expired entries purged", purged);
            }
        }
    }

    /** Bans this worker has lifted. */
    public long liftedCount() {
        return lifted.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
