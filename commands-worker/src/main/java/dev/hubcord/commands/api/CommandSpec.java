package dev.hubcord.commands.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a command declares. Build with {@link #builder(String)}.
 *
 * @param name the name, lower case (also the slash command's name)
 * @param aliases other names for prefix use
 * @param description one line for {@code help}
 * @param usage the usage line; generated from the arguments unless given
 * @param userPermissions what the invoker needs in the channel
 * @param botPermissions what the bot needs in the channel
 * @param cooldown per user; {@code Duration.ZERO} for none
 * @param arguments positional arguments in order, then flags
 * @param guildOnly whether it refuses to run in DMs
 * @param privateReplies whether its answers are mostly private ({@code replyPrivately}): a slash command that is
 *     deferred is then deferred ephemerally, so that its private answer fills in the deferred message directly (a
 *     public answer still works, at the cost of two more calls, and the other way round)
 */
public record CommandSpec(String name, List<String> aliases, String description, String usage,
        Set<Permission> userPermissions, Set<Permission> botPermissions, Duration cooldown, List<Argument<?>> arguments,
        boolean guildOnly, boolean privateReplies) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("command names are 1-32 lower-case letters, digits, - or _: " + name);
        }
        aliases = aliases.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        userPermissions = userPermissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(userPermissions));
        botPermissions = botPermissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(botPermissions));
        arguments = List.copyOf(arguments);
        checkArguments(name, arguments);
        if (usage == null || usage.isBlank()) {
            usage = (name + " " + arguments.stream().map(Argument::usage).collect(Collectors.joining(" "))).trim();
        }
    }

    private static void checkArguments(String name, List<Argument<?>> arguments) {
        Set<String> names = new HashSet<>();
        Set<String> flags = new HashSet<>();
        List<Argument<?>> positional = arguments.stream().filter(a -> !a.isFlag()).toList();
        for (Argument<?> a : arguments) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException(name + ": two arguments named " + a.name());
            }
            if (a.shortFlag() != null && !flags.add("-" + a.shortFlag())) {
                throw new IllegalArgumentException(name + ": flag -" + a.shortFlag() + " declared twice");
            }
        }
        for (int i = 0; i < positional.size(); i++) {
            Argument<?> a = positional.get(i);
            if (a.rest() && i != positional.size() - 1) {
                throw new IllegalArgumentException(name + ": only the last positional argument may be greedy");
            }
            if (a.required() && i > 0 && !positional.get(i - 1).required()) {
                throw new IllegalArgumentException(name + ": required argument " + a.name() + " after an optional one");
            }
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private final String name;
        private final List<String> aliases = new ArrayList<>();
        private String description = "";
        private String usage;
        private final Set<Permission> user = EnumSet.noneOf(Permission.class);
        private final Set<Permission> bot = EnumSet.noneOf(Permission.class);
        private Duration cooldown = Duration.ZERO;
        private final List<Argument<?>> arguments = new ArrayList<>();
        private boolean guildOnly = true;
        private boolean privateReplies;

        private Builder(String name) {
            this.name = name;
        }

        public Builder aliases(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder usage(String text) {
            this.usage = text;
            return this;
        }

        public Builder userPermissions(Permission... permissions) {
            user.addAll(List.of(permissions));
            return this;
        }

        public Builder botPermissions(Permission... permissions) {
            bot.addAll(List.of(permissions));
            return this;
        }

        public Builder cooldown(Duration value) {
            this.cooldown = value;
            return this;
        }

        public Builder arguments(Argument<?>... values) {
            arguments.addAll(List.of(values));
            return this;
        }

        /** Allows the command in DMs (default: guilds only). */
        public Builder allowDirectMessages() {
            this.guildOnly = false;
            return this;
        }

        /** Declares that the command answers privately as a rule (see {@link CommandSpec#privateReplies}). */
        public Builder privateReplies() {
            this.privateReplies = true;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(name, aliases, description, usage, user, bot, cooldown, arguments, guildOnly,
                    privateReplies);
        }
    }
}
