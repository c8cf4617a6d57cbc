package dev.hubcord.discordsim;

import dev.hubcord.service.settings.Decl;
import dev.hubcord.service.settings.SettingKey;
import java.util.List;

/**
 * The simulator's command line, declared once (the service kit makes the flags, {@code --help} and the README table
 * from it; SimSettingsReadmeTest checks the table). Each is also an environment variable. Unset ones keep what the
 * JSON {@code --config} file, or its defaults, say.
 */
public enum SimSetting implements SettingKey {
    SIM_CONFIG(Decl.path(""), "JSON file (below); the settings after it override it"),
    SIM_PORT(Decl.port(0).noDefault(), "the one loopback port of gateway, REST and control API; unset: config `port`, else 0 (ephemeral)"),
    SIM_GUILDS(Decl.whole(10, 0, 1_000_000).noDefault(), "number of guilds (`population.guilds`, default 10)"),
    SIM_SEED(Decl.whole(42, Long.MIN_VALUE, Long.MAX_VALUE).noDefault(), "population seed (`population.seed`, default 42); same seed ⇒ same snowflakes"),
    SIM_TOKEN(Decl.text("").noDefault(), "the bot token IDENTIFY and `Authorization: Bot` must carry (default `SIM.BOT.TOKEN-sim-discord`)");

    /** Removed from the names to make the flags. */
    public static final List<String> FLAG_PREFIXES = List.of("SIM_");

    private final Decl decl;
    private final String meaning;

    SimSetting(Decl decl, String meaning) {
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
