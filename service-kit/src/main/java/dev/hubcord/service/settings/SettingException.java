package dev.hubcord.service.settings;

/**
 * A setting has a value it does not allow; the message is the one line shown to the operator. Services may extend it
 * for their cross-setting rules (the bootstrap treats every subclass alike: one line, exit 2).
 */
public class SettingException extends RuntimeException {

    public SettingException(String message) {
        super(message);
    }
}
