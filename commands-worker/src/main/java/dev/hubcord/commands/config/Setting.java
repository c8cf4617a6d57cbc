package dev.hubcord.commands.config;

import java.util.Locale;

/** Every worker setting with its default and meaning; the names are the environment variables. */
public enum Setting {
    DISCORD_TOKEN("", "the bot token (required)"),
    DISCORD_API_BASE("https://discord.com/api/v10", "Discord's REST base URL"),
    HUB_URL("ws://127.0.0.1:3282/ws/v1", "the hub's WebSocket URL"),
    HUB_SECRET("", "the hub's shared secret (required)"),
    HUB_REST_URL("", "the hub's REST base; empty = derived from HUB_URL (ws://h:p/ws/v1 -> http://h:p)"),
    COMMANDS_NAME("commands", "instance name shown in the hub's /v1/services"),
    COMMANDS_COMPRESS("zstd", "hub compression: none, zstd or zlib"),
    COMMANDS_DB("commands-worker.db", "SQLite file for done command IDs, timed bans and music channels; "
            + "workers on one host may share it"),
    COMMANDS_JOURNAL_TTL_HOURS("24", "how long done command IDs are remembered"),
    COMMANDS_BAN_POLL_MS("5000", "how often due timed bans are looked for"),
    COMMANDS_DEFER_AFTER_MS("1500", "a slash command not answered after this long is deferred (Discord allows 3 s)"),
    COMMANDS_MAX_IN_FLIGHT("256", "commands run at once; more wait for a slot"),
    COMMANDS_BOT_USER_ID("", "the bot's user ID; empty = learnt from the hub (IDENTIFIED / BOT_INFO)"),
    COMMANDS_REGISTER("true", "synchronise the declared application commands with Discord at start-up (one worker"
            + " per deployment, under the hub lease commands-registration)"),
    COMMANDS_REGISTRATION_GUILDS("", "comma-separated guild IDs where guild-scoped commands are registered"),
    COMMANDS_PLUGINS_DIR("", "a directory of command jars (CommandModule / Command services) loaded at start-up"),
    REST_TIMEOUT_MS("15000", "timeout of one Discord REST request"),
    REST_RETRIES("3", "retries of a Discord request after a 5xx, a timeout or an I/O error"),
    REST_GLOBAL_LIMIT("50", "Discord's global limit: requests per second across routes"),
    REST_INVALID_CAP("9000", "401/403/429 responses allowed per 10 minutes before requests are refused "
            + "(Discord bans the IP at 10,000)");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The flag for this setting: {@code REST_TIMEOUT_MS} becomes {@code --rest-timeout-ms}. */
    public String flag() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the value is a secret that must never be logged or shown. */
    public boolean secret() {
        return this == DISCORD_TOKEN || this == HUB_SECRET;
    }
}
