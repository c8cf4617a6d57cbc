package dev.hubcord.commands.api;

/** A failure whose message is meant for the user; the worker replies with it and logs nothing alarming. */
public class CommandException extends RuntimeException {

    public CommandException(String userMessage) {
        super(userMessage);
    }

    public CommandException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
