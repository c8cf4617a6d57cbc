package dev.hubcord.commands.exec;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.store.Journal;
import dev.hubcord.protocol.client.HubClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What every invocation shares: the clients, the clock, the journal, the bot's identity, the registry, the extra
 * services offered to commands by type, and the timer that defers slow slash commands.
 */
public record WorkerServices(DiscordApi discord, HubApi hub, HubClient hubClient, Clock clock, Journal journal,
        Supplier<String> botUserId, CommandRegistry registry, Map<Class<?>, Object> extras,
        ScheduledExecutorService timers, Duration deferAfter) {

    public WorkerServices {
        extras = Map.copyOf(extras);
    }

    public <S> Optional<S> extra(Class<S> type) {
        return Optional.ofNullable(type.cast(extras.get(type)));
    }
}
