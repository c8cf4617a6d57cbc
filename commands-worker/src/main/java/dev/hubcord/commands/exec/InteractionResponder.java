package dev.hubcord.commands.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.discord.DiscordRestException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands: Discord wants a first response within 3 s of the interaction's creation (read from its
 * snowflake). The first answer is the response itself (type 4); if none has come {@code deferAfter} after creation,
 * a timer acknowledges with type 5 ("thinking...") and the first answer then fills in {@code @original}; later
 * answers are follow-ups. The lock orders the timer and the command's answers.
 */
final class InteractionResponder implements Responder {

    private static final Logger log = LoggerFactory.getLogger(InteractionResponder.class);
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private enum State { NONE, DEFERRED, ANSWERED }

    private final DiscordApi discord;
    private final CommandRequest.Interaction interaction;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledFuture<?> timer;
    private State state = State.NONE;
    private boolean originalFilled;

    InteractionResponder(DiscordApi discord, CommandRequest.Interaction interaction, ScheduledExecutorService timers,
            Duration deferAfter) {
        this.discord = discord;
        this.interaction = interaction;
        long delay = deferDelayMillis(interaction.id(), deferAfter.toMillis(), System.currentTimeMillis());
        this.timer = timers.schedule(() -> Thread.ofVirtual().name("defer-" + interaction.id()).start(this::defer),
                delay, TimeUnit.MILLISECONDS);
    }

    /**
     * When to defer: {@code deferAfter} after the interaction was created, but not later than {@code deferAfter}
     * from now (a creation time in the future means a skewed clock; trust our own).
     */
    static long deferDelayMillis(String interactionId, long deferAfter, long nowMillis) {
        long created;
        try {
            created = (Long.parseUnsignedLong(interactionId) >>> 22) + DISCORD_EPOCH;
        } catch (NumberFormatException e) {
            created = nowMillis;
        }
        return Math.clamp(created + deferAfter - nowMillis, 0, deferAfter);
    }

    @Override
    public void reply(String content, boolean privately) {
        lock.lock();
        try {
            ObjectNode message = DiscordApi.message(content);
            switch (state) {
                case NONE -> {
                    timer.cancel(false);
                    if (privately) {
                        message.put("flags", DiscordApi.EPHEMERAL);
                    }
                    state = State.ANSWERED;
                    discord.interactionCallback(interaction.id(), interaction.token(), 4, message);
                }
                case DEFERRED -> {
                    if (!originalFilled) {
                        originalFilled = true;
                        discord.editOriginal(interaction.applicationId(), interaction.token(), message);
                    } else {
                        followUp(message, privately);
                    }
                }
                case ANSWERED -> followUp(message, privately);
            }
        } finally {
            lock.unlock();
        }
    }

    private void followUp(ObjectNode message, boolean privately) {
        if (privately) {
            message.put("flags", DiscordApi.EPHEMERAL);
        }
        discord.followUp(interaction.applicationId(), interaction.token(), message);
    }

    @Override
    public void defer() {
        lock.lock();
        try {
            if (state != State.NONE) {
                return;
            }
            timer.cancel(false);
            state = State.DEFERRED;
            discord.interactionCallback(interaction.id(), interaction.token(), 5, null);
        } catch (DiscordRestException e) {
            log.warn("interaction {}: deferring failed: {}", interaction.id(), e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Used by tests and logs. */
    boolean deferred() {
        lock.lock();
        try {
            return state == State.DEFERRED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void finish() {
        timer.cancel(false);
        lock.lock();
        try {
            if (state == State.NONE || (state == State.DEFERRED && !originalFilled)) {
                reply("Done.", true);
            }
        } finally {
            lock.unlock();
        }
    }
}
