package dev.hubcord.service.settings;

/** A setting has a value it does not allow; the message is the one line shown to the operator. */
public final class SettingException extends RuntimeException {

    public SettingException(String message) {
        super(message);
    }
}
