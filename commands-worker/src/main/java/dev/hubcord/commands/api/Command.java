package dev.hubcord.commands.api;

/**
 * A command. Implementations need a public no-argument constructor ({@link java.util.ServiceLoader}) and must be
 * thread-safe: one instance serves every invocation, each on its own virtual thread.
 */
public interface Command {

    /** What the command is called, what it takes and what it needs; asked once, when the worker starts. */
    CommandSpec spec();

    /**
     * Runs the command. Arguments are parsed and permissions checked before this is called. Answer with
     * {@link CommandContext#reply}; throw {@link CommandException} for a failure the user should read; any other
     * exception gets a generic reply and is logged with its stack.
     */
    void execute(CommandContext ctx) throws Exception;
}
