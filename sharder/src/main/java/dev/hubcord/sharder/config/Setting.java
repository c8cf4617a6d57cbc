package dev.hubcord.sharder.config;

import java.util.Locale;

/**
 * Every sharder setting: its environment variable name (also the key in a properties file), its
 * flag, its default and what it means. Flags beat the environment, which beats the file.
 */
public enum Setting {
    DISCORD_TOKEN("--token", "", "the bot token (prefer the environment: flags show in ps)"),
    DISCORD_API_BASE("--api-base", "https://discord.com/api/v10", "Discord's REST base; the gateway URL comes from its GET /gateway/bot"),
    DISCORD_INTENTS("--intents", "GUILDS,GUILD_MEMBERS,GUILD_VOICE_STATES,GUILD_MESSAGES,MESSAGE_CONTENT",
            "gateway intents: a number or comma-separated names; GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT are "
            + "privileged (the application must have them, else Discord closes with 4014)"),
    DISCORD_COMPRESS("--compress", "zstd-stream", "gateway transport compression: zstd-stream, zlib-stream or none"),
    DISCORD_LARGE_THRESHOLD("--large-threshold", "250", "IDENTIFY large_threshold (50-250)"),
    HUB_URL("--hub-url", "ws://127.0.0.1:3282/ws/v1", "the hub's WebSocket URL"),
    HUB_SECRET("--hub-secret", "", "the hub's shared secret (prefer the environment)"),
    HUB_COMPRESS("--hub-compress", "zstd", "compression asked of the hub: zstd, zlib or none"),
    COMMAND_PREFIX("--prefix", "!", "messages starting with this (or a mention of the bot) become EXECUTE_COMMAND"),
    SHARDER_NAME("--name", "sharder", "the name shown in the hub's /v1/services"),
    SHARDER_DISPATCH_EVENTS("--dispatch-events", "", "comma-separated Discord dispatch names forwarded raw as DISPATCH {shard, t, d}"),
    SHARDER_STATUS_INTERVAL_MS("--status-interval-ms", "30000", "how often every shard's SHARD_STATUS is sent even without a change"),
    SHARDER_HUB_BUFFER("--hub-buffer", "50000", "payloads kept for the hub while it is away; past that, guilds are marked for a resend"),
    SHARDER_HUB_RATE_LIMIT("--hub-rate-limit", "8000", "payloads per second sent to the hub, below its HUB_RATE_LIMIT (past it the hub slows the connection down)"),
    SHARDER_HUB_RECONNECT_MAX_MS("--hub-reconnect-max-ms", "30000", "the cap of the hub reconnect backoff"),
    SHARDER_IO_THREADS("--io-threads", "0", "event loop threads shared by all shards; 0 = one per core"),
    SHARDER_READY_TIMEOUT_MS("--ready-timeout-ms", "15000", "a shard counts as ready when its guilds stop arriving for this long"),
    SHARDER_INVALID_SESSION_DELAY_MS("--invalid-session-delay-ms", "5000", "after op 9 false, wait a random 1/5..1 of this before identifying again"),
    SHARDER_SEND_QUEUE("--send-queue", "1000", "GATEWAY_SEND payloads a shard queues while its 120/60 s budget or connection is not there"),
    SHARDER_MEMBER_REQUESTS("--member-requests", "small",
            "which guilds' full member lists are requested (op 8) after their GUILD_CREATE: all, small, none"),
    SHARDER_MEMBER_REQUEST_MAX("--member-request-max", "75000",
            "with SHARDER_MEMBER_REQUESTS=small: guilds of at most this many members"),
    SHARDER_MEMBER_REQUESTS_IN_FLIGHT("--member-requests-in-flight", "2",
            "member requests per shard whose chunks have not all arrived"),
    SHARDER_MEMBER_REQUEST_TIMEOUT_MS("--member-request-timeout-ms", "60000",
            "a member request without its last chunk after this long is given up"),
    SHARDER_HTTP_PORT("--http-port", "-1", "port for /health and /metrics (Prometheus) on SHARDER_HTTP_HOST; -1 = off, 0 = any"),
    SHARDER_HTTP_HOST("--http-host", "127.0.0.1", "address for the /health and /metrics port");

    private final String flag;
    private final String defaultValue;
    private final String description;

    Setting(String flag, String defaultValue, String description) {
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The setting named {@code key} (case-insensitive), or {@code null}. */
    public static Setting byName(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
