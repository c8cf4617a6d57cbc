package dev.hubcord.example;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.embed.Embed;
import dev.hubcord.commands.interactions.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /color name:...}: autocomplete. While the user types, Discord asks for suggestions and the handler answers
 * with the palette's names that start with the text typed so far (it must answer within 3 s: a lookup in memory).
 * The user may still send a name that is not suggested, hence the check in {@link #execute}.
 */
public final class ColorCommand implements Command {

    /** The palette, sorted by name, so suggestions come in a stable order. */
    static final Map<String, Integer> PALETTE = new TreeMap<>(Map.of("amber", 0xFFBF00, "azure", 0x007FFF,
            "blurple", 0x5865F2, "crimson", 0xDC143C, "emerald", 0x50C878, "teal", 0x008080));

    static final Argument<String> NAME = Argument.of("name", ArgumentTypes.TEXT).describedAs("a colour")
            .autocomplete(ctx -> PALETTE.keySet().stream()
                    .filter(n -> n.startsWith(ctx.focusedText().toLowerCase(Locale.ROOT)))
                    .map(n -> Choice.of(n, n)).toList());

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("color").description("Shows a colour.").arguments(NAME).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        String name = ctx.get(NAME).toLowerCase(Locale.ROOT);
        Integer rgb = PALETTE.get(name);
        if (rgb == null) {
            throw new CommandException("I don't know the colour " + name + "; try one of " + List.copyOf(
                    PALETTE.keySet()) + ".");
        }
        ctx.reply(Reply.embeds(Embed.builder().title(name).description(String.format("#%06X", rgb)).color(rgb)
                .build()));
    }
}
