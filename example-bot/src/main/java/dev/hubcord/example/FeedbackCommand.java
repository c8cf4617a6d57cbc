package dev.hubcord.example;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.components.Component;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.components.Modal;
import dev.hubcord.commands.embed.Embed;
import dev.hubcord.commands.interactions.Reply;

/**
 * {@code /feedback}: opens a modal (a form); its submit is routed by the modal's custom ID like a click, and posts
 * the feedback as an embed built with {@link Embed#builder()}. Showing a modal must be the command's first and
 * only answer, within Discord's 3 s.
 */
public final class FeedbackCommand implements Command {

    /** The form's submit: {@code textValue} reads an input by its custom ID. */
    static final ComponentHandler SUBMIT = ComponentHandler.of("feedback", ctx -> ctx.reply(Reply.embeds(
            Embed.builder()
                    .title("Feedback: " + ctx.textValue("subject").orElse("(no subject)"))
                    .description(ctx.textValue("details").orElse(""))
                    .field("From", "<@" + ctx.userId() + ">", true)
                    .color(0x5865F2)
                    .build())));

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("feedback").description("Sends feedback to the server's staff.").slashOnly()
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.showModal(Modal.of(CustomId.of("feedback"), "Your feedback",
                Component.TextInput.shortText("subject", "Subject").length(1, 100),
                Component.TextInput.paragraph("details", "What would you like to tell us?").length(1, 2000)));
    }
}
