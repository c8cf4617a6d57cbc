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
 * @param declaration how it is registered with Discord: kind, subcommands, localizations, default permissions...
 */
public record CommandSpec(String name, List<String> aliases, String description, String usage,
        Set<Permission> userPermissions, Set<Permission> botPermissions, Duration cooldown, List<Argument<?>> arguments,
        boolean guildOnly, boolean privateReplies, Declaration declaration) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        declaration = declaration == null ? Declaration.defaults() : declaration;
        if (declaration.kind() == Declaration.Kind.CHAT_INPUT ? !name.matches("[a-z0-9_-]{1,32}")
                : name.isBlank() || name.length() > 32) {
            throw new IllegalArgumentException("command names are 1-32 lower-case letters, digits, - or _ (a context"
                    + " menu's: 1-32 characters): " + name);
        }
        if (declaration.hasSubcommands() && !arguments.isEmpty()) {
            throw new IllegalArgumentException(name + ": a command with subcommands takes its arguments in them");
        }
        if (description != null && description.length() > 100 && declaration.slash()) {
            throw new IllegalArgumentException(name + ": a slash command's description is at most 100 characters");
        }
        aliases = aliases.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        userPermissions = userPermissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(userPermissions));
        botPermissions = botPermissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(botPermissions));
        arguments = List.copyOf(arguments);
        checkArguments(name, arguments);
        if ((usage == null || usage.isBlank()) && declaration.hasSubcommands()) {
            usage = subcommandUsage(name, declaration);
        } else if (usage == null || usage.isBlank()) {
            usage = (name + " " + arguments.stream().map(Argument::usage).collect(Collectors.joining(" "))).trim();
        }
    }

    /** {@code config show | config roles add <role>}. */
    private static String subcommandUsage(String name, Declaration d) {
        java.util.stream.Stream<String> direct = d.subcommands().stream().map(s -> line(name + " " + s.name(), s));
        java.util.stream.Stream<String> grouped = d.groups().stream().flatMap(g -> g.subcommands().stream()
                .map(s -> line(name + " " + g.name() + " " + s.name(), s)));
        return java.util.stream.Stream.concat(direct, grouped).collect(Collectors.joining(" | "));
    }

    private static String line(String path, Subcommand s) {
        return (path + " " + s.arguments().stream().map(Argument::usage).collect(Collectors.joining(" "))).trim();
    }

    static void checkArguments(String name, List<Argument<?>> arguments) {
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

    /** A command: a slash command and a prefix command unless told otherwise. */
    public static Builder builder(String name) {
        return new Builder(name, Declaration.Kind.CHAT_INPUT);
    }

    /** A user context menu command ("Apps" on a user): {@code ctx.targetUser()} is who it was used on. */
    public static Builder userCommand(String name) {
        return new Builder(name, Declaration.Kind.USER).allowDirectMessages();
    }

    /** A message context menu command: {@code ctx.targetMessage()} is the message it was used on. */
    public static Builder messageCommand(String name) {
        return new Builder(name, Declaration.Kind.MESSAGE).allowDirectMessages();
    }

    /** The subcommand at {@code path} ({@code "sub"} or {@code "group sub"}), if declared. */
    public java.util.Optional<Subcommand> subcommand(String path) {
        if (path == null) {
            return java.util.Optional.empty();
        }
        String[] parts = path.split(" ");
        List<Subcommand> scope = parts.length == 2 ? declaration.groups().stream()
                .filter(g -> g.name().equals(parts[0])).findFirst().map(Subcommand.Group::subcommands)
                .orElse(List.of()) : declaration.subcommands();
        String last = parts[parts.length - 1];
        return scope.stream().filter(s -> s.name().equals(last)).findFirst();
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
        private final Declaration.Kind kind;
        private final List<Subcommand> subcommands = new ArrayList<>();
        private final List<Subcommand.Group> groups = new ArrayList<>();
        private Localizations localizations = Localizations.NONE;
        private Set<Permission> defaultMemberPermissions;
        private final Set<Declaration.Context> contexts = EnumSet.noneOf(Declaration.Context.class);
        private final Set<Declaration.Integration> integrations = EnumSet.noneOf(Declaration.Integration.class);
        private boolean nsfw;
        private boolean slash = true;
        private boolean prefix;
        private boolean guildScoped;

        private Builder(String name, Declaration.Kind kind) {
            this.name = name;
            this.kind = kind;
            this.prefix = kind == Declaration.Kind.CHAT_INPUT;
        }

        public Builder subcommands(Subcommand... values) {
            subcommands.addAll(List.of(values));
            return this;
        }

        public Builder groups(Subcommand.Group... values) {
            groups.addAll(List.of(values));
            return this;
        }

        /** A localized name and description ({@code locale} as Discord names it: {@code de}, {@code pt-BR}...). */
        public Builder localized(String locale, String localizedName, String localizedDescription) {
            localizations = localizations.with(locale, localizedName, localizedDescription);
            return this;
        }

        /**
         * Discord's {@code default_member_permissions}: only members with these see and use the command until a
         * server admin changes it. The worker still checks {@link #userPermissions} itself.
         */
        public Builder defaultMemberPermissions(Permission... permissions) {
            defaultMemberPermissions = EnumSet.noneOf(Permission.class);
            defaultMemberPermissions.addAll(List.of(permissions));
            return this;
        }

        /** Where it may be used (Discord's {@code contexts}). */
        public Builder contexts(Declaration.Context... values) {
            contexts.addAll(List.of(values));
            return this;
        }

        /** How it may be installed (Discord's {@code integration_types}). */
        public Builder integrationTypes(Declaration.Integration... values) {
            integrations.addAll(List.of(values));
            return this;
        }

        public Builder nsfw() {
            this.nsfw = true;
            return this;
        }

        /** Registered per guild (the guilds in {@code COMMANDS_REGISTRATION_GUILDS}) instead of globally. */
        public Builder guildScoped() {
            this.guildScoped = true;
            return this;
        }

        /** Not registered with Discord: a prefix command only. */
        public Builder prefixOnly() {
            this.slash = false;
            return this;
        }

        /** Not a prefix command: a slash command only. */
        public Builder slashOnly() {
            this.prefix = false;
            return this;
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
                    privateReplies, new Declaration(kind, subcommands, groups, localizations, defaultMemberPermissions,
                            contexts, integrations, nsfw, slash, prefix, guildScoped));
        }
    }
}
