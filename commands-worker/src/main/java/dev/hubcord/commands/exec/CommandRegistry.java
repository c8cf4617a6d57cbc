package dev.hubcord.commands.exec;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandModule;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Declaration;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.events.EventListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands by name and alias, the component handlers by name, and the event listeners. Filled from
 * {@link ServiceLoader}: every {@code META-INF/services/dev.hubcord.commands.api.Command} and
 * {@code ...api.CommandModule} the class loader sees (the classpath, and the plugin jars when the worker was given
 * a plugins directory). A command, handler or module that fails to load, or whose name is taken, is logged and
 * skipped so one bad jar does not stop the worker.
 */
public final class CommandRegistry {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

    /** A command with its spec, asked once. */
    public record Entry(Command command, CommandSpec spec) {}

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ComponentHandler> components = new LinkedHashMap<>();
    private final List<EventListener<?>> listeners = new ArrayList<>();

    public static CommandRegistry load(ClassLoader loader) {
        CommandRegistry registry = new CommandRegistry();
        each(ServiceLoader.load(Command.class, loader).iterator(), registry::add, "a command");
        each(ServiceLoader.load(CommandModule.class, loader).iterator(), registry::addModule, "a command module");
        log.info("{} commands: {}; component handlers: {}; event listeners: {}", registry.entries.size(),
                registry.entries.stream().map(e -> e.spec().name()).toList(), registry.components.keySet(),
                registry.listeners.size());
        return registry;
    }

    private static <T> void each(java.util.Iterator<T> iterator, java.util.function.Consumer<T> add, String what) {
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                add.accept(iterator.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                log.error("{} could not be loaded and is skipped", what, e);
            }
        }
    }

    /** Adds a module's commands, component handlers and listeners. */
    public void addModule(CommandModule module) {
        module.commands().forEach(this::add);
        module.components().forEach(this::addComponent);
        listeners.addAll(module.listeners());
    }

    /** Adds a component handler; returns false (and logs) when its name is taken. */
    public boolean addComponent(ComponentHandler handler) {
        if (components.putIfAbsent(handler.name(), handler) != null) {
            log.warn("component handler {} from {} ignored: the name is taken", handler.name(),
                    handler.getClass().getName());
            return false;
        }
        return true;
    }

    public void addListener(EventListener<?> listener) {
        listeners.add(listener);
    }

    public Optional<ComponentHandler> component(String name) {
        return Optional.ofNullable(components.get(name));
    }

    public List<EventListener<?>> listeners() {
        return List.copyOf(listeners);
    }

    /** Every command with its spec, in registration order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Adds a command; returns false (and logs) when its name is already taken. */
    public boolean add(Command command) {
        CommandSpec spec = command.spec();
        String key = key(spec.declaration().kind(), spec.name());
        if (byName.containsKey(key)) {
            log.warn("command {} from {} ignored: the name is taken by {}", spec.name(), command.getClass().getName(),
                    byName.get(key).command().getClass().getName());
            return false;
        }
        Entry entry = new Entry(command, spec);
        entries.add(entry);
        byName.put(key, entry);
        for (String alias : spec.aliases()) {
            if (byName.putIfAbsent(alias, entry) != null) {
                log.warn("alias {} of {} ignored: already taken", alias, spec.name());
            }
        }
        return true;
    }

    /** A chat input (prefix or slash) command by name or alias. */
    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The command an application command interaction names: context menus have their own namespace per kind
     * (Discord allows a slash command, a user menu and a message menu of the same name).
     */
    public Optional<Entry> find(CommandRequest request) {
        if (request.rawInteraction() == null) {
            return find(request.command());
        }
        int type = request.rawInteraction().path("data").path("type").asInt(1);
        Declaration.Kind kind = type == 2 ? Declaration.Kind.USER : type == 3 ? Declaration.Kind.MESSAGE
                : Declaration.Kind.CHAT_INPUT;
        return Optional.ofNullable(byName.get(key(kind, request.command())));
    }

    private static String key(Declaration.Kind kind, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return kind == Declaration.Kind.CHAT_INPUT ? lower : kind.name() + ":" + lower;
    }

    /** The specs, sorted by name. */
    public List<CommandSpec> specs() {
        return entries.stream().map(Entry::spec).sorted(Comparator.comparing(CommandSpec::name)).toList();
    }
}
