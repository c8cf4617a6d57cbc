package dev.hubcord.service.boot;

import dev.hubcord.service.settings.Decl;
import dev.hubcord.service.settings.SettingKey;

/** The settings every process has, read from the environment and the {@code --config} file. */
public enum LogSetting implements SettingKey {
    LOG_FORMAT(Decl.oneOf("text", "text", "json"), "log format on stdout: text for people, json for one JSON object a line");

    private final Decl decl;
    private final String meaning;

    LogSetting(Decl decl, String meaning) {
        this.decl = decl;
        this.meaning = meaning;
    }

    @Override
    public Decl decl() {
        return decl;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
