package dev.hubcord.commands.builtin;

import dev.hubcord.commands.components.Component;
import dev.hubcord.commands.components.ComponentContext;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.commands.store.TimedBans;
import java.time.Duration;

/**
 * The Confirm and Cancel buttons of {@code /ban}'s ephemeral question. Stateless, so that any worker can take the
 * click: everything the ban needs is in the custom ID, {@code ban:y:<user ID>:<seconds or empty>:<reason>} and
 * {@code ban:n:<user ID>}. A reason too long for Discord's 100-character custom ID is cut to fit (the question
 * shows the reason that will be used). Only the invoker sees an ephemeral message, so only they can click.
 */
public final class BanConfirmation implements ComponentHandler {

    static final String NAME = "ban";

    @Override
    public String name() {
        return NAME;
    }

    /** The question's buttons for a ban request; the request's reason may come back shorter (see the class). */
    static Component.ActionRow buttons(Bans.Request r) {
        return Component.ActionRow.of(Component.Button.danger(confirmId(r), "Confirm"),
                Component.Button.secondary(CustomId.of(NAME, "n", r.userId()), "Cancel"));
    }

    /** The Confirm button's custom ID, with the reason cut until it fits. */
    static CustomId confirmId(Bans.Request r) {
        String seconds = r.time() == null ? "" : Long.toString(r.time().toSeconds());
        String reason = r.reason() == null ? "" : r.reason();
        while (true) {
            CustomId id = CustomId.of(NAME, "y", r.userId(), seconds, reason);
            if (fits(id)) {
                return id;
            }
            reason = reason.substring(0, reason.length() - 1);
        }
    }

    private static boolean fits(CustomId id) {
        try {
            id.encode();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The request a Confirm button carries. */
    static Bans.Request request(CustomId id, String guildId, String clickerId) {
        String seconds = id.arg(2);
        String reason = id.arg(3);
        return new Bans.Request(guildId, id.arg(1), reason.isEmpty() ? null : reason,
                seconds.isEmpty() ? null : Duration.ofSeconds(Long.parseLong(seconds)), clickerId);
    }

    @Override
    public void handle(ComponentContext ctx) {
        String userId = ctx.arg(1);
        if (ctx.arg(0).equals("n")) {
            ctx.update(Reply.text("Cancelled: <@" + userId + "> was not banned.").withComponents(disabled(ctx)));
            return;
        }
        Bans.Request r = request(ctx.customId(), ctx.guildId(), ctx.userId());
        TimedBans timedBans = ctx.service(TimedBans.class)
                .orElseThrow(() -> new IllegalStateException("the timed-ban store is not configured"));
        Bans.ban(r, ctx.discord(), timedBans, ctx.clock().instant(), ctx::once);
        ctx.update(Reply.text("Banned <@" + userId + ">" + r.summary()).withComponents(disabled(ctx)));
    }

    /** The question's buttons, greyed out: the message stays, nobody clicks twice. */
    private static Component.ActionRow disabled(ComponentContext ctx) {
        String userId = ctx.arg(1);
        return Component.ActionRow.of(
                Component.Button.danger(CustomId.of(NAME, "y", userId, "", ""), "Confirm").asDisabled(),
                Component.Button.secondary(CustomId.of(NAME, "n", userId), "Cancel").asDisabled());
    }
}
