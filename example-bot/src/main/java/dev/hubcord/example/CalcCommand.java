package dev.hubcord.example;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Subcommand;

/**
 * {@code /calc add a b} and {@code /calc divide a b} (and {@code !calc add 2 3}): a command with subcommands and
 * typed integer options. Each subcommand has its own handler; {@link #execute} is never called.
 *
 * <p>Dividing by zero is left to throw {@link ArithmeticException} on purpose: it shows what the worker does with a
 * handler that throws (an ephemeral "Something went wrong", and the stack in the log).
 */
public final class CalcCommand implements Command {

    static final Argument<Long> A = Argument.of("a", ArgumentTypes.INTEGER).describedAs("the first number");
    static final Argument<Long> B = Argument.of("b", ArgumentTypes.INTEGER).describedAs("the second number");

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("calc").description("Does a little arithmetic.")
                .subcommands(
                        Subcommand.of("add", "Adds two numbers.",
                                ctx -> ctx.reply(ctx.get(A) + " + " + ctx.get(B) + " = " + (ctx.get(A) + ctx.get(B))),
                                A, B),
                        Subcommand.of("divide", "Divides two whole numbers.",
                                ctx -> ctx.reply(ctx.get(A) + " / " + ctx.get(B) + " = "
                                        + Math.floorDiv(ctx.get(A), ctx.get(B))),
                                A, B))
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        throw new IllegalStateException("calc is only run through its subcommands");
    }
}
