package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.components.Component;
import dev.hubcord.commands.components.ComponentContext;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.protocol.codec.Json;

/**
 * The buttons on a "Now playing" message: Pause (Resume once paused), Skip, Stop. Custom IDs {@code music:pause},
 * {@code music:resume}, {@code music:skip}, {@code music:stop}: the guild is the interaction's, so any worker can
 * take the click and nothing is remembered. A click sends the player event to the guild's audio worker (as a
 * request, like the commands) and updates the message: the Pause button turns into Resume and back; after Skip or
 * Stop the buttons are greyed out and the message says who did it. A refusal (nothing playing) is an ephemeral
 * answer from the framework.
 */
public final class PlayerButtons implements ComponentHandler {

    static final String NAME = "music";

    @Override
    public String name() {
        return NAME;
    }

    /** The row of a now-playing message; {@code paused} shows Resume instead of Pause. */
    static Component.ActionRow row(boolean paused, boolean disabled) {
        Component.Button toggle = paused ? Component.Button.success(CustomId.of(NAME, "resume"), "Resume")
                : Component.Button.secondary(CustomId.of(NAME, "pause"), "Pause");
        Component.Button skip = Component.Button.primary(CustomId.of(NAME, "skip"), "Skip");
        Component.Button stop = Component.Button.danger(CustomId.of(NAME, "stop"), "Stop");
        return disabled ? Component.ActionRow.of(toggle.asDisabled(), skip.asDisabled(), stop.asDisabled())
                : Component.ActionRow.of(toggle, skip, stop);
    }

    /** The row as message JSON ({@code components}), for the announcer's plain message create. */
    static ArrayNode rowJson() {
        ArrayNode components = Json.mapper().createArrayNode();
        components.add(row(false, false).toJson());
        return components;
    }

    @Override
    public void handle(ComponentContext ctx) throws Exception {
        String action = ctx.customId().args().isEmpty() ? "" : ctx.arg(0);
        String content = ctx.interaction().json().path("message").path("content").asText("");
        ObjectNode data = Music.data(ctx.guildId(), ctx.channelId());
        switch (action) {
            case "pause", "resume" -> {
                boolean pause = action.equals("pause");
                data.put("paused", pause);
                Music.request(ctx.hubClient(), "PLAYER_PAUSE", data);
                ctx.update(Reply.text(content).withComponents(row(pause, false)));
            }
            case "skip" -> {
                Music.request(ctx.hubClient(), "PLAYER_SKIP", data);
                ctx.update(Reply.text(content + "\nSkipped by <@" + ctx.userId() + ">.")
                        .withComponents(row(false, true)));
            }
            case "stop" -> {
                Music.request(ctx.hubClient(), "PLAYER_STOP", data);
                ctx.update(Reply.text(content + "\nStopped by <@" + ctx.userId() + ">.")
                        .withComponents(row(false, true)));
            }
            default -> throw new CommandException("This button is no longer supported.");
        }
    }
}
