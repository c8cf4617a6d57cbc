package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code help [command]}: the command list, or one command's usage, aliases, permissions and cooldown. */
public final class HelpCommand implements Command {

    static final Argument<String> COMMAND = Argument.of("command", ArgumentTypes.TEXT).optional()
            .describedAs("a command to explain");

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("help").aliases("commands", "h").description("Lists the commands, or explains one.")
                .arguments(COMMAND).allowDirectMessages().build();
    }

    @Override
    public void execute(CommandContext ctx) {
        var name = ctx.optional(COMMAND).map(s -> s.toLowerCase(Locale.ROOT));
        if (name.isEmpty()) {
            ctx.reply("**Commands**\n" + ctx.commands().stream()
                    .filter(s -> s.declaration().kind() == dev.hubcord.commands.api.Declaration.Kind.CHAT_INPUT)
                    .map(s -> "`" + s.name() + "` " + s.description())
                    .collect(Collectors.joining("\n")) + "\nUse `help <command>` for details.");
            return;
        }
        CommandSpec spec = ctx.commands().stream()
                .filter(s -> s.name().equals(name.get()) || s.aliases().contains(name.get())).findFirst()
                .orElseThrow(() -> new CommandException("There is no command `" + name.get() + "`. Try `help`."));
        StringBuilder out = new StringBuilder("**" + spec.name() + "**: " + spec.description() + "\nUsage: `"
                + spec.usage() + "`");
        if (!spec.aliases().isEmpty()) {
            out.append("\nAliases: ").append(String.join(", ", spec.aliases()));
        }
        spec.arguments().stream().filter(a -> !a.description().isEmpty())
                .forEach(a -> out.append("\n`").append(a.usage()).append("` ").append(a.description()));
        if (!spec.userPermissions().isEmpty()) {
            out.append("\nYou need: ").append(spec.userPermissions().stream().map(Permission::displayName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        if (!spec.cooldown().isZero()) {
            out.append("\nCooldown: ").append(spec.cooldown().toSeconds()).append("s");
        }
        ctx.reply(out.toString());
    }
}
