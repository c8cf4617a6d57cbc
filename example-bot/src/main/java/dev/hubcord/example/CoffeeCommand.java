package dev.hubcord.example;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.components.Component;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.interactions.Reply;

/**
 * {@code /coffee size:large}: an option with choices (Discord shows the three; the worker refuses anything else),
 * answered with a string select menu. The chosen size travels in the menu's custom ID ({@code coffee:large}), so
 * the worker that handles the choice needs nothing from the one that sent the menu.
 */
public final class CoffeeCommand implements Command {

    static final Argument<String> SIZE = Argument.of("size", ArgumentTypes.TEXT).describedAs("how much coffee")
            .choices(Choice.of("Small", "small"), Choice.of("Medium", "medium"), Choice.of("Large", "large"));

    /** The menu's choice: the message becomes the order. */
    static final ComponentHandler EXTRAS = ComponentHandler.of("coffee", ctx -> ctx.update(Reply.text(
            "One " + ctx.arg(0) + " coffee with " + String.join(" and ", ctx.values()) + ", coming up!")));

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("coffee").description("Orders a coffee.").arguments(SIZE).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        String size = ctx.get(SIZE);
        ctx.reply(Reply.text("A " + size + " coffee. Anything in it?").withComponents(Component.ActionRow.of(
                Component.StringSelect.of(CustomId.of("coffee", size),
                        Component.SelectOption.of("Milk", "milk"),
                        Component.SelectOption.of("Sugar", "sugar"),
                        Component.SelectOption.of("Cinnamon", "cinnamon"))
                        .choose("Pick up to two", 1, 2))));
    }
}
