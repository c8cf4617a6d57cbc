package dev.hubcord.commands.api;

/** Runs a subcommand (or any invocation): the body of {@link Command#execute} as a lambda. */
@FunctionalInterface
public interface CommandHandler {

    void handle(CommandContext ctx) throws Exception;
}
