package dev.hubcord.commands.builtin;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.parse.Durations;
import dev.hubcord.commands.store.TimedBans;
import dev.hubcord.discordrest.DiscordRestException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * Making a ban, shared by {@code !ban} (at once) and the confirmation button of {@code /ban} (on the click, in any
 * worker): the lift time is stored before the ban (a worker dying in between leaves a lift for a ban that the rerun
 * makes, never a timed ban that stays for good), and both steps are journaled so a redelivery does neither twice.
 */
final class Bans {

    private Bans() {
    }

    /** A ban to make: who, in which guild, why, for how long (null: for good), and who asked. */
    record Request(String guildId, String userId, String reason, Duration time, String byUserId) {

        /** " for 1h: reason" or "." — the end of the sentence that says what was done. */
        String summary() {
            return (time == null ? "" : " for " + Durations.format(time))
                    + (reason == null || reason.isBlank() ? "." : ": " + reason);
        }
    }

    /**
     * Bans. {@code once} is the invocation's journal ({@code CommandContext.once} or {@code ComponentContext.once}).
     */
    static void ban(Request r, DiscordApi discord, TimedBans timedBans, Instant now,
            BiPredicate<String, Runnable> once) {
        Instant liftAt = r.time() == null ? null : now.plus(r.time());
        once.test("schedule", () -> {
            if (liftAt != null) {
                timedBans.schedule(r.guildId(), r.userId(), liftAt, r.reason());
            } else {
                timedBans.cancel(r.guildId(), r.userId());
            }
        });
        String audit = Texts.auditReason(r.reason(), r.byUserId())
                + (r.time() == null ? "" : " for " + Durations.format(r.time()));
        try {
            once.test("ban", () -> discord.ban(r.guildId(), r.userId(), audit, 0));
        } catch (DiscordRestException e) {
            if (liftAt != null) {
                timedBans.cancel(r.guildId(), r.userId());
            }
            throw e;
        }
    }
}
