package dev.hubcord.commands.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.discordrest.DiscordRestException;
import dev.hubcord.discordrest.FileUpload;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.List;
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
 *
 * <p>Components and modal submits: the timer acknowledges with a deferred update (6, nothing visible changes),
 * {@link #update} is callback 7 (or an edit of {@code @original}, the component's message, after a deferred
 * update), and a handler that did not answer gets a deferred update at the end. Every callback is checked against
 * {@link CallbackRules} first.
 */
final class InteractionResponder implements Responder {

    private static final Logger log = LoggerFactory.getLogger(InteractionResponder.class);
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    /** What {@code @original} says while an answer of the other visibility goes out as a follow-up. */
    static final String MOVED = "(answered in a separate message)";

    private enum State { NONE, DEFERRED, DEFERRED_UPDATE, ANSWERED, GONE }

    private final DiscordApi discord;
    private final CommandRequest.Interaction interaction;
    private final int type;
    /** Whether there is a message to update: a component's, or a modal's that a component opened. */
    private volatile boolean updatable;
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
        this.type = interaction.type();
        this.redelivered = redelivered;
        this.deferPrivately = deferPrivately;
        long delay = deferDelayMillis(interaction.id(), deferAfter.toMillis(), System.currentTimeMillis());
        this.updatable = type == 3;
        Runnable deferral = () -> {
            if (updatable) {
                deferUpdate();
            } else {
                defer();
            }
        };
        this.timer = timers.schedule(() -> Thread.ofVirtual().name("defer-" + interaction.id()).start(deferral),
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
    public void reply(Reply reply, String step) {
        lock.lock();
        try {
            switch (state) {
                case NONE -> {
                    timer.cancel(false);
                    respond(reply, step);
                }
                case DEFERRED -> {
                    if (originalFilled) {
                        followUp(reply);
                    } else {
                        fillOriginal(reply);
                    }
                }
                case ANSWERED, DEFERRED_UPDATE -> followUp(reply);
                case GONE -> log.debug("interaction {}: {} dropped, the interaction cannot be answered any more",
                        interaction.id(), step);
            }
        } finally {
            lock.unlock();
        }
    }

    private void respond(Reply reply, String step) {
        if (callback(CallbackRules.MESSAGE, reply.toJson(true), reply.files(), step)) {
            state = State.ANSWERED;
        } else if (state == State.DEFERRED) {
            fillOriginal(reply); // the earlier run deferred and died before answering
        }
    }

    /** Sends a callback; false when the interaction turned out to be settled elsewhere (40060, 10062). */
    private boolean callback(int callbackType, ObjectNode data, String step) {
        return callback(callbackType, data, List.of(), step);
    }

    private boolean callback(int callbackType, ObjectNode data, List<FileUpload> files, String step) {
        check(callbackType);
        try {
            discord.interactionCallback(interaction.id(), interaction.token(), callbackType, data, files);
            return true;
        } catch (DiscordRestException e) {
            if (!answeredElsewhere(e, step)) {
                throw e;
            }
            return false;
        }
    }

    private void fillOriginal(Reply reply) {
        if (reply.ephemeral() == deferPrivately) {
            discord.editOriginal(interaction.applicationId(), interaction.token(), reply.toJson(false), reply.files());
            originalFilled = true;
            return;
        }
        discord.editOriginal(interaction.applicationId(), interaction.token(), DiscordApi.message(MOVED));
        originalFilled = true;
        followUp(reply);
        try {
            discord.deleteOriginal(interaction.applicationId(), interaction.token());
        } catch (DiscordRestException e) {
            log.debug("interaction {}: the placeholder stays: {}", interaction.id(), e.getMessage());
        }
    }

    private void followUp(Reply reply) {
        discord.followUp(interaction.applicationId(), interaction.token(), reply.toJson(true), reply.files());
    }

    /**
     * Callback 7: changes the component's message; after a deferred update (or an earlier update), an edit of
     * {@code @original}, which is that message.
     */
    void update(Reply reply, String step) {
        check(CallbackRules.UPDATE);
        lock.lock();
        try {
            switch (state) {
                case NONE -> {
                    timer.cancel(false);
                    if (callback(CallbackRules.UPDATE, reply.toJson(false), reply.files(), step)) {
                        state = State.DEFERRED_UPDATE; // @original is the component's message from now on
                    }
                }
                case DEFERRED_UPDATE -> discord.editOriginal(interaction.applicationId(), interaction.token(),
                        reply.toJson(false), reply.files());
                case GONE -> log.debug("interaction {}: {} dropped, the interaction expired", interaction.id(), step);
                default -> throw new IllegalStateException("update() must come first, or after deferUpdate(): "
                        + "this interaction was already answered with a message");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Callback 6: acknowledges a component or modal submit without changing anything. */
    void deferUpdate() {
        lock.lock();
        try {
            if (state != State.NONE) {
                return;
            }
            timer.cancel(false);
            if (callback(CallbackRules.DEFERRED_UPDATE, null, "the deferred update")) {
                state = State.DEFERRED_UPDATE;
            }
        } catch (DiscordRestException e) {
            log.warn("interaction {}: deferring the update failed: {}", interaction.id(), e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Callback 9 (or 8 for autocomplete): must be the first answer. */
    void firstAnswer(int callbackType, ObjectNode data, String step) {
        check(callbackType);
        lock.lock();
        try {
            if (state != State.NONE) {
                throw new IllegalStateException("a modal must be the first answer to an interaction");
            }
            timer.cancel(false);
            if (callback(callbackType, data, step)) {
                state = State.ANSWERED;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A modal submit whose modal a component opened has that component's message to update. */
    void updatable(boolean value) {
        this.updatable = value || type == 3;
    }

    private void check(int callbackType) {
        CallbackRules.check(type, callbackType);
        if (!updatable && (callbackType == CallbackRules.DEFERRED_UPDATE || callbackType == CallbackRules.UPDATE)) {
            throw new IllegalStateException("there is no message to update: this modal was opened by a slash"
                    + " command, not by a component");
        }
    }

    /** Sets the visibility of a deferral that has not happened yet. */
    void deferVisibility(boolean privately) {
        lock.lock();
        try {
            if (state == State.NONE) {
                deferPrivately = privately;
            }
        } finally {
            lock.unlock();
        }
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
        } else if (updatable) {
            log.debug("interaction {}: an earlier run acknowledged the component; {} continues", interaction.id(),
                    what);
            state = State.DEFERRED_UPDATE;
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
            ObjectNode data = deferPrivately
                    ? Json.mapper().createObjectNode().put("flags", DiscordApi.EPHEMERAL) : null;
            if (callback(CallbackRules.DEFERRED_MESSAGE, data, "the deferral")) {
                state = State.DEFERRED;
            }
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
            if (state == State.NONE && updatable) {
                deferUpdate(); // a click the handler did not answer: acknowledged, nothing changes
            } else if (state == State.NONE) {
                reply(Reply.text("Done.").asEphemeral(), "finish");
            } else if (state == State.DEFERRED && !originalFilled) {
                // a status, not content: it takes the deferral's visibility
                Reply done = Reply.text("Done.");
                reply(deferPrivately ? done.asEphemeral() : done, "finish");
            }
        } finally {
            lock.unlock();
        }
    }
}
