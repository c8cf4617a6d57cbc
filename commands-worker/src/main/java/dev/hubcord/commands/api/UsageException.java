package dev.hubcord.commands.api;

/** The arguments do not fit the command (missing, malformed, unknown user...); the reply adds the usage line. */
public final class UsageException extends CommandException {

    public UsageException(String userMessage) {
        super(userMessage);
    }
}
