package dev.hubcord.commands.config;

import dev.hubcord.service.settings.Decl;
import dev.hubcord.service.settings.SettingKey;
import java.util.List;

/**
 * Every worker setting, declared once: the name is the environment variable and properties key, the flag the name in
 * kebab case ({@code REST_TIMEOUT_MS} → {@code --rest-timeout-ms}). The README table is generated from this list
 * (CommandsSettingsReadmeTest).
 */
public enum Setting implements SettingKey {
    DISCORD_TOKEN(Decl.secretText().mandatory(), "the bot token"),
    DISCORD_API_BASE(Decl.url("https://discord.com/api/v10", "http", "https"), "Discord's REST base (the simulator's in tests)"),
    HUB_URL(Decl.url("ws://127.0.0.1:3282/ws/v1", "ws", "wss"), "the hub's WebSocket"),
    HUB_SECRET(Decl.secretText().mandatory(), "the hub's secret"),
    HUB_REST_URL(Decl.url("", "http", "https"), "the hub's REST base; empty = derived from `HUB_URL` (`ws://host:port/ws/v1` → `http://host:port`)"),
    COMMANDS_NAME(Decl.text("commands"), "the name in the hub's `/v1/services`"),
    COMMANDS_COMPRESS(Decl.oneOf("zstd", "none", "zstd", "zlib"), "hub compression"),
    COMMANDS_DB(Decl.path("commands-worker.db"), "SQLite file: done command IDs, timed bans, music channels"),
    COMMANDS_JOURNAL_TTL_HOURS(Decl.whole(24, 1, 24 * 365).unit("h"), "how long done command IDs are remembered"),
    COMMANDS_BAN_POLL_MS(Decl.millis(5000, 10, 3_600_000), "how often due timed bans are looked for"),
    COMMANDS_DEFER_AFTER_MS(Decl.millis(1500, 0, 2900), "a slash command with no answer this long after its creation is deferred (Discord allows 3 s)"),
    COMMANDS_MAX_IN_FLIGHT(Decl.whole(256, 1, 100_000), "commands running at once; more wait"),
    COMMANDS_BOT_USER_ID(Decl.text(""), "the bot's user ID (a snowflake); empty = learnt from the hub (IDENTIFIED / BOT_INFO)"),
    COMMANDS_REGISTER(Decl.bool(true), "synchronise the declared application commands with Discord at start-up (see *Registration*)"),
    COMMANDS_REGISTRATION_GUILDS(Decl.items(""), "guild IDs where `guildScoped()` commands are registered"),
    COMMANDS_PLUGINS_DIR(Decl.path(""), "a directory whose `*.jar` files are loaded at start-up (their `Command` and `CommandModule` services); missing or unreadable: the worker does not start"),
    COMMANDS_HTTP_PORT(Decl.whole(9102, -1, 65_535), "`/health`, `/ready` (identified to the hub) and `/metrics` (Prometheus); -1 = off, 0 = any free port (logged)"),
    COMMANDS_HTTP_HOST(Decl.text("127.0.0.1"), "address of that port"),
    REST_TIMEOUT_MS(Decl.millis(15_000, 100, 600_000), "timeout of one Discord request"),
    REST_RETRIES(Decl.whole(3, 0, 10), "retries after a 5xx, a timeout or an I/O error (only of requests that are safe to repeat, see *Repeats*)"),
    REST_GLOBAL_LIMIT(Decl.whole(50, 1, 10_000), "Discord's global limit, requests per second"),
    REST_INVALID_CAP(Decl.whole(9000, 1, 10_000), "401/403/429 responses per 10 minutes before requests are refused (Discord bans the IP at 10,000)");

    /** Flags keep the whole name. */
    public static final List<String> FLAG_PREFIXES = List.of();

    private final Decl decl;
    private final String meaning;

    Setting(Decl decl, String meaning) {
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

    /** Whether the value is a secret that must never be logged or shown. */
    public boolean secret() {
        return decl.secret();
    }
}
