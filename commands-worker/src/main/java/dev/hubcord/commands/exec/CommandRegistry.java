package dev.hubcord.commands.exec;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandSpec;
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
 * The commands, by name and alias. Filled from {@link ServiceLoader} (every jar on the classpath with a
 * {@code META-INF/services/dev.hubcord.commands.api.Command} file); a command that fails to load, or whose name is
 * taken, is logged and skipped so one bad jar does not stop the worker.
 */
public final class CommandRegistry {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

    /** A command with its spec, asked once. */
    public record Entry(Command command, CommandSpec spec) {}

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    public static CommandRegistry load(ClassLoader loader) {
        CommandRegistry registry = new CommandRegistry();
        var iterator = ServiceLoader.load(Command.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                registry.add(iterator.next());
            } catch (ServiceConfigurationError | RuntimeException e) {
                log.error("a command could not be loaded and is skipped", e);
            }
        }
        log.info("{} commands: {}", registry.entries.size(), registry.entries.stream().map(e -> e.spec().name())
                .toList());
        return registry;
    }

    /** Adds a command; returns false (and logs) when its name is already taken. */
    public boolean add(Command command) {
        CommandSpec spec = command.spec();
        if (byName.containsKey(spec.name())) {
            log.warn("command {} from {} ignored: the name is taken by {}", spec.name(), command.getClass().getName(),
                    byName.get(spec.name()).command().getClass().getName());
            return false;
        }
        Entry entry = new Entry(command, spec);
        entries.add(entry);
        byName.put(spec.name(), entry);
        for (String alias : spec.aliases()) {
            if (byName.putIfAbsent(alias, entry) != null) {
                log.warn("alias {} of {} ignored: already taken", alias, spec.name());
            }
        }
        return true;
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The specs, sorted by name. */
    public List<CommandSpec> specs() {
        return entries.stream().map(Entry::spec).sorted(Comparator.comparing(CommandSpec::name)).toList();
    }
}
