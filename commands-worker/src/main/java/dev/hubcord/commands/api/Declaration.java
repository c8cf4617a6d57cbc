package dev.hubcord.commands.api;

import java.util.List;
import java.util.Set;

/**
 * How a command is registered with Discord (and whether it is a prefix command too). Part of {@link CommandSpec};
 * set through its builder.
 *
 * @param kind chat input (a slash command), or a user or message context menu
 * @param subcommands subcommands directly under the command
 * @param groups subcommand groups
 * @param localizations the command's localized names and descriptions
 * @param defaultMemberPermissions Discord's {@code default_member_permissions} (who sees the command until a server
 *     admin changes it), or null for everyone
 * @param contexts where it can be used; empty leaves Discord's default
 * @param integrationTypes how it can be installed; empty leaves Discord's default
 * @param nsfw age-restricted
 * @param slash whether it is registered with Discord
 * @param prefix whether it answers as a prefix command
 * @param guildScoped registered in the guilds of {@code COMMANDS_REGISTRATION_GUILDS} instead of globally
 */
public record Declaration(Kind kind, List<Subcommand> subcommands, List<Subcommand.Group> groups,
        Localizations localizations, Set<Permission> defaultMemberPermissions, Set<Context> contexts,
        Set<Integration> integrationTypes, boolean nsfw, boolean slash, boolean prefix, boolean guildScoped) {

    /** Application command types. */
    public enum Kind {
        CHAT_INPUT, USER, MESSAGE;

        public int code() {
            return ordinal() + 1;
        }
    }

    /** Interaction context types: where a command may be used. */
    public enum Context { GUILD, BOT_DM, PRIVATE_CHANNEL }

    /** Application integration types: how the app is installed. */
    public enum Integration { GUILD_INSTALL, USER_INSTALL }

    public Declaration {
        subcommands = List.copyOf(subcommands);
        groups = List.copyOf(groups);
        localizations = localizations == null ? Localizations.NONE : localizations;
        defaultMemberPermissions = defaultMemberPermissions == null ? null : Set.copyOf(defaultMemberPermissions);
        contexts = Set.copyOf(contexts);
        integrationTypes = Set.copyOf(integrationTypes);
        if (kind != Kind.CHAT_INPUT && (prefix || !subcommands.isEmpty() || !groups.isEmpty())) {
            throw new IllegalArgumentException("a context menu command has no subcommands and no prefix form");
        }
        if (subcommands.size() + groups.size() > 25) {
            throw new IllegalArgumentException("at most 25 subcommands and groups");
        }
    }

    public static Declaration defaults() {
        return new Declaration(Kind.CHAT_INPUT, List.of(), List.of(), null, null, Set.of(), Set.of(), false, true,
                true, false);
    }

    public boolean hasSubcommands() {
        return !subcommands.isEmpty() || !groups.isEmpty();
    }
}
