package dev.hubcord.example;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandModule;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.events.EventListener;
import java.util.List;

/**
 * The bot: what it declares, in one place. The worker finds this class through
 * {@code META-INF/services/dev.hubcord.commands.api.CommandModule} and asks each method once, at start-up.
 */
public final class ExampleBot implements CommandModule {

    @Override
    public List<Command> commands() {
        return List.of(new CalcCommand(), new CoffeeCommand(), new ColorCommand(), new CounterCommand(),
                new FeedbackCommand(), new AnnounceCommand(), new HighFiveCommand());
    }

    @Override
    public List<ComponentHandler> components() {
        return List.of(CounterCommand.BUTTON, CoffeeCommand.EXTRAS, FeedbackCommand.SUBMIT);
    }

    @Override
    public List<EventListener<?>> listeners() {
        return List.of(WelcomeListener.LISTENER);
    }
}
