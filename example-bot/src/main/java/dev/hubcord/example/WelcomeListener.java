package dev.hubcord.example;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.events.EventListener;
import dev.hubcord.commands.events.GatewayEvent;
import dev.hubcord.commands.hub.HubChannel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Welcomes members who join, in the guild's {@code #welcome} text channel, else its {@code #general}. The worker
 * subscribes to {@code GUILD_MEMBER_ADD} because this listener exists; the sharder forwards it only when its
 * {@code SHARDER_DISPATCH_EVENTS} lists it. The worker acknowledges the event when the listener returns.
 */
public final class WelcomeListener {

    static final EventListener<GatewayEvent.MemberJoin> LISTENER = EventListener.of(GatewayEvent.MemberJoin.class,
            (event, ctx) -> channel(ctx.hub().channels(event.guildId())).ifPresent(channel -> ctx.discord()
                    .createMessage(channel, DiscordApi.message("Welcome to the server, <@" + event.member().id()
                            + ">!"), null)));

    private WelcomeListener() {}

    /** The text channel (type 0) named welcome, else general, from the hub's cache. */
    static Optional<String> channel(List<HubChannel> channels) {
        return channels.stream().filter(c -> c.type() == 0)
                .filter(c -> c.name().equals("welcome") || c.name().equals("general"))
                .min(Comparator.comparing(c -> c.name().equals("welcome") ? 0 : 1))
                .map(HubChannel::id);
    }
}
