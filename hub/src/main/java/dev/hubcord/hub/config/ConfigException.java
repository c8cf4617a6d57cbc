package dev.hubcord.hub.config;

/** A setting that is missing, malformed or out of range; the message names it. */
public final class ConfigException extends dev.hubcord.service.settings.SettingException {

    public ConfigException(String message) {
        super(message);
    }
}
