package dev.hubcord.commands.api;

import java.util.List;
import java.util.Objects;

/**
 * A subcommand: {@code /config show}, or {@code !config show} as a prefix command (the first word picks it). Its
 * handler runs instead of {@link Command#execute}; with a null handler {@code execute} runs and reads
 * {@link CommandContext#subcommand()}.
 */
public record Subcommand(String name, String description, List<Argument<?>> arguments, Localizations localizations,
        CommandHandler handler) {

    public Subcommand {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("subcommand names are 1-32 lower-case letters, digits, - or _: " + name);
        }
        arguments = List.copyOf(arguments);
        localizations = localizations == null ? Localizations.NONE : localizations;
        CommandSpec.checkArguments(name, arguments);
    }

    public static Subcommand of(String name, String description, CommandHandler handler, Argument<?>... arguments) {
        return new Subcommand(name, description, List.of(arguments), null, handler);
    }

    public Subcommand localized(String locale, String localizedName, String localizedDescription) {
        return new Subcommand(name, description, arguments, localizations.with(locale, localizedName,
                localizedDescription), handler);
    }

    /** A group of subcommands: {@code /config roles add}. */
    public record Group(String name, String description, List<Subcommand> subcommands, Localizations localizations) {
        public Group {
            if (!name.matches("[a-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("group names are 1-32 lower-case letters, digits, - or _: " + name);
            }
            subcommands = List.copyOf(subcommands);
            localizations = localizations == null ? Localizations.NONE : localizations;
            if (subcommands.isEmpty() || subcommands.size() > 25) {
                throw new IllegalArgumentException(name + ": a group holds 1-25 subcommands");
            }
        }

        public static Group of(String name, String description, Subcommand... subcommands) {
            return new Group(name, description, List.of(subcommands), null);
        }
    }
}
