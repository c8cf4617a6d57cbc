package dev.hubcord.example;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.embed.Embed;
import dev.hubcord.commands.embed.EmbedLimitException;
import dev.hubcord.commands.interactions.Reply;

/**
 * {@code /announce text:...}: posts the text as an embed. A string option may hold 6000 characters but an embed's
 * description only 4096: {@link Embed#builder()} checks Discord's limits while it is built and throws
 * {@link EmbedLimitException} naming the limit, which this command turns into a {@link CommandException} (an
 * ephemeral answer the user reads) instead of a request Discord would refuse.
 */
public final class AnnounceCommand implements Command {

    static final Argument<String> TEXT = Argument.of("text", ArgumentTypes.text(1, 6000)).describedAs("what to say")
            .greedy();

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("announce").description("Posts an announcement.")
                .userPermissions(Permission.MANAGE_MESSAGES).defaultMemberPermissions(Permission.MANAGE_MESSAGES)
                .arguments(TEXT).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        try {
            ctx.reply(Reply.embeds(Embed.builder().title("Announcement").description(ctx.get(TEXT)).build()));
        } catch (EmbedLimitException e) {
            throw new CommandException("That announcement is too long: " + e.getMessage() + ".");
        }
    }
}
