package dev.hubcord.commands.api;

import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.events.EventListener;
import java.util.List;

/**
 * A bot author's bundle: commands, component and modal handlers, and event listeners, in a jar of its own. List
 * the implementing class in {@code META-INF/services/dev.hubcord.commands.api.CommandModule}; the worker finds it
 * with {@link java.util.ServiceLoader} on its classpath and in every jar of {@code COMMANDS_PLUGINS_DIR}. Needs a
 * public no-argument constructor; asked once, at start-up.
 */
public interface CommandModule {

    default List<Command> commands() {
        return List.of();
    }

    default List<ComponentHandler> components() {
        return List.of();
    }

    default List<EventListener<?>> listeners() {
        return List.of();
    }
}
