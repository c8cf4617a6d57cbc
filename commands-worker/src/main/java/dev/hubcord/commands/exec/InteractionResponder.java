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
 *
 * <p>Visibility: a message's ephemeral flag never changes, and the deferral fixes it for {@code @original} (it is
 * ephemeral when the command's spec declares {@code privateReplies}). When the first answer after a deferral has the
 * other visibility, {@code @original} first gets a neutral text (a follow-up sent while it still loads would only
 * edit it, keeping its visibility), the answer goes out as a follow-up with its own flags, and {@code @original} is
 * deleted: a private answer is never visible to others.
 *
 * <p>Reruns: when the interaction was already acknowledged (40060; a worker that died acknowledged it), the
 * responder reads {@code @original} and carries on from there: still loading (the earlier run only deferred), the
 * answer fills it in; answered, the answer is dropped quietly and later ones become follow-ups. When it can no
 * longer be answered (10062) every answer is dropped, quietly for a redelivered command.
 */
final class InteractionResponder implements Responder {

    private static final Logger log = LoggerFactory.getLogger(InteractionResponder.class);
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    /** What {@code @original} says while an answer of the other visibility goes out as a follow-up. */
    static final String MOVED = "(answered in a separate message)";

    private enum State { NONE, DEFERRED, ANSWERED, GONE }

    private final DiscordApi discord;
    private final CommandRequest.Interaction interaction;
    private final boolean redelivered;
    private boolean deferPrivately;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledFuture<?> timer;
    private State state = State.NONE;
    private boolean originalFilled;

    InteractionResponder(DiscordApi discord, CommandRequest.Interaction interaction, boolean redelivered,
            boolean deferPrivately, ScheduledExecutorService timers, Duration deferAfter) {
        this.discord = discord;
        this.interaction = interaction;
        this.redelivered = redelivered;
        this.deferPrivately = deferPrivately;
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
    public void reply(String content, boolean privately, String step) {
        lock.lock();
        try {
            switch (state) {
                case NONE -> {
                    timer.cancel(false);
                    respond(content, privately, step);
                }
                case DEFERRED -> {
                    if (originalFilled) {
                        followUp(content, privately);
                    } else {
                        fillOriginal(content, privately);
                    }
                }
                case ANSWERED -> followUp(content, privately);
                case GONE -> log.debug("interaction {}: {} dropped, the interaction cannot be answered any more",
                        interaction.id(), step);
            }
        } finally {
            lock.unlock();
        }
    }

    private void respond(String content, boolean privately, String step) {
        try {
            discord.interactionCallback(interaction.id(), interaction.token(), 4, message(content, privately));
            state = State.ANSWERED;
        } catch (DiscordRestException e) {
            if (!answeredElsewhere(e, step)) {
                throw e;
            }
            if (state == State.DEFERRED) {
                fillOriginal(content, privately); // the earlier run deferred and died before answering
            }
        }
    }

    private void fillOriginal(String content, boolean privately) {
        if (privately == deferPrivately) {
            discord.editOriginal(interaction.applicationId(), interaction.token(), DiscordApi.message(content));
            originalFilled = true;
            return;
        }
        discord.editOriginal(interaction.applicationId(), interaction.token(), DiscordApi.message(MOVED));
        originalFilled = true;
        followUp(content, privately);
        try {
            discord.deleteOriginal(interaction.applicationId(), interaction.token());
        } catch (DiscordRestException e) {
            log.debug("interaction {}: the placeholder stays: {}", interaction.id(), e.getMessage());
        }
    }

    private void followUp(String content, boolean privately) {
        discord.followUp(interaction.applicationId(), interaction.token(), message(content, privately));
    }

    private static ObjectNode message(String content, boolean privately) {
        ObjectNode message = DiscordApi.message(content);
        if (privately) {
            message.put("flags", DiscordApi.EPHEMERAL);
        }
        return message;
    }

    /**
     * Whether the callback failed because the interaction is settled elsewhere: 40060, an earlier run acknowledged
     * it (its answers are follow-ups from now on); 10062, it cannot be answered any more. Both are normal for a
     * command delivered again after its worker died, so they are logged at debug level and not answered.
     */
    private boolean answeredElsewhere(DiscordRestException e, String what) {
        if (e.kind() != DiscordRestException.Kind.HTTP) {
            return false;
        }
        if (e.code() == DiscordApi.ALREADY_ACKNOWLEDGED) {
            adoptEarlierResponse(what);
            return true;
        }
        if (e.code() == DiscordApi.UNKNOWN_INTERACTION) {
            if (redelivered) {
                log.debug("interaction {}: {} not sent, the redelivered interaction expired", interaction.id(), what);
            } else {
                log.warn("interaction {}: {} came after Discord's 3 s; the user gets no answer", interaction.id(),
                        what);
            }
            state = State.GONE;
            return true;
        }
        return false;
    }

    /** After 40060: continue from the state an earlier run left {@code @original} in. */
    private void adoptEarlierResponse(String what) {
        int flags;
        try {
            flags = discord.getOriginal(interaction.applicationId(), interaction.token()).path("flags").asInt(0);
        } catch (DiscordRestException e) {
            log.debug("interaction {}: acknowledged by an earlier run, its response unreadable ({}); {} dropped",
                    interaction.id(), e.getMessage(), what);
            state = State.ANSWERED;
            return;
        }
        if ((flags & DiscordApi.LOADING) != 0) {
            log.debug("interaction {}: an earlier run deferred it; {} fills it in", interaction.id(), what);
            state = State.DEFERRED;
            deferPrivately = (flags & DiscordApi.EPHEMERAL) != 0;
            originalFilled = false;
        } else {
            log.debug("interaction {}: {} not sent, an earlier run answered it", interaction.id(), what);
            state = State.ANSWERED;
        }
    }

    @Override
    public void defer() {
        lock.lock();
        try {
            if (state != State.NONE) {
                return;
            }
            timer.cancel(false);
            ObjectNode data = deferPrivately ? message("", true).retain("flags") : null;
            discord.interactionCallback(interaction.id(), interaction.token(), 5, data);
            state = State.DEFERRED;
        } catch (DiscordRestException e) {
            if (!answeredElsewhere(e, "the deferral")) {
                log.warn("interaction {}: deferring failed: {}", interaction.id(), e.getMessage());
            }
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
            if (state == State.NONE) {
                reply("Done.", true, "finish");
            } else if (state == State.DEFERRED && !originalFilled) {
                reply("Done.", deferPrivately, "finish"); // a status, not content: it takes the deferral's visibility
            }
        } finally {
            lock.unlock();
        }
    }
}
