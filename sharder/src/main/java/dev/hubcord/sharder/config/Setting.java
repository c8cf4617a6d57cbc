package dev.hubcord.sharder.config;

import dev.hubcord.service.settings.Decl;
import dev.hubcord.service.settings.SettingKey;
import java.util.List;

/**
 * Every sharder setting, declared once: the name is the environment variable and properties key; the flag is the name
 * without {@code SHARDER_}/{@code DISCORD_} in kebab case unless declared. The README table is generated from this list
 * (SharderSettingsReadmeTest). Flags beat the environment, which beats the file.
 */
public enum Setting implements SettingKey {
    DISCORD_TOKEN(Decl.secretText().mandatory(), "bot token; a leading `Bot ` is dropped"),
    DISCORD_API_BASE(Decl.url("https://discord.com/api/v10", "http", "https"), "REST base; the gateway URL, shard count and `max_concurrency` come from its `GET /gateway/bot`"),
    DISCORD_INTENTS(Decl.text("GUILDS,GUILD_MEMBERS,GUILD_VOICE_STATES,GUILD_MESSAGES,MESSAGE_CONTENT"), "a number or comma-separated intent names (the default is 33411). GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT are privileged: the application must be allowed them in its Bot settings, else Discord closes every shard with 4014"),
    DISCORD_COMPRESS(Decl.oneOf("zstd-stream", "zstd-stream", "zlib-stream", "none"), "gateway transport compression"),
    DISCORD_LARGE_THRESHOLD(Decl.whole(250, 50, 250), "IDENTIFY `large_threshold`"),
    HUB_URL(Decl.url("ws://127.0.0.1:3282/ws/v1", "ws"), "the hub"),
    HUB_SECRET(Decl.secretText().mandatory(), "the hub's secret"),
    HUB_COMPRESS(Decl.oneOf("zstd", "zstd", "zlib", "none"), "compression asked of the hub"),
    COMMAND_PREFIX(Decl.text("!").flag("--prefix"), "messages starting with it (or with a mention of the bot) become EXECUTE_COMMAND"),
    SHARDER_NAME(Decl.text("sharder"), "name in the hub's `/v1/services` and `/v1/shards`"),
    SHARDER_DISPATCH_EVENTS(Decl.items(""), "dispatch names sent raw as `DISPATCH {shard, t, d}`"),
    SHARDER_STATUS_INTERVAL_MS(Decl.millis(30_000, 100, 3_600_000), "SHARD_STATUS of every shard, besides the one sent on each state change"),
    SHARDER_HUB_BUFFER(Decl.whole(50_000, 100, 10_000_000), "payloads the pacing queue holds for the hub while it is away or slow to confirm (see *When the hub goes away*)"),
    SHARDER_HUB_RATE_LIMIT(Decl.whole(8000, 10, 100_000_000), "payloads/s to the hub: keep it below the hub's `HUB_RATE_LIMIT` (10,000): past it the hub slows the connection, and closes it with 4008 if that lasts"),
    SHARDER_HUB_RECONNECT_MAX_MS(Decl.millis(30_000, 100, 600_000), "cap of the hub reconnect backoff"),
    SHARDER_IO_THREADS(Decl.whole(0, 0, 256), "event loop threads shared by all shards; 0 = one per core"),
    SHARDER_READY_TIMEOUT_MS(Decl.millis(15_000, 100, 600_000), "a shard is READY when its READY guilds arrived or stopped arriving for this long"),
    SHARDER_INVALID_SESSION_DELAY_MS(Decl.millis(5000, 0, 60_000), "after op 9 false: wait random 1/5..1 of this (Discord: 1-5 s)"),
    SHARDER_SEND_QUEUE(Decl.whole(1000, 1, 1_000_000), "GATEWAY_SEND payloads queued per shard"),
    SHARDER_MEMBER_REQUESTS(Decl.oneOf("small", "all", "small", "none"), "whose full member list each shard requests (op 8) after the guild's GUILD_CREATE: `all`, `small` (at most `SHARDER_MEMBER_REQUEST_MAX` members) or `none`. Anything but `none` needs GUILD_MEMBERS in `DISCORD_INTENTS` (else exit 2: Discord would never answer)"),
    SHARDER_MEMBER_REQUEST_MAX(Decl.whole(75_000, 0, Integer.MAX_VALUE), "the size limit of `small` (GUILD_CREATE `member_count`)"),
    SHARDER_MEMBER_REQUESTS_IN_FLIGHT(Decl.whole(2, 1, 100), "requests per shard whose chunks have not all arrived"),
    SHARDER_MEMBER_REQUEST_TIMEOUT_MS(Decl.millis(60_000, 100, 3_600_000), "a request without its last chunk after this long is given up (logged, counted)"),
    SHARDER_HTTP_PORT(Decl.whole(9101, -1, 65_535), "`/health` (JSON), `/ready` and `/metrics` (Prometheus); -1 = off, 0 = any free port (logged)"),
    SHARDER_HTTP_HOST(Decl.text("127.0.0.1"), "address of that port");

    /** Removed from the names to make the flags. */
    public static final List<String> FLAG_PREFIXES = List.of("SHARDER_", "DISCORD_");

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
}
