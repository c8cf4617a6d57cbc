package dev.hubcord.hub.config;

/** Every hub setting with its default and meaning (contract section 10, plus the hub's own limits). */
public enum Setting {
    HUB_HOST("0.0.0.0", "address to bind (demo mode binds 127.0.0.1 unless set)"),
    HUB_PORT("3282", "the one port for WebSocket, REST, health and metrics"),
    HUB_SECRET("", "the shared secret; required unless HUB_DEMO is true"),
    HUB_HEARTBEAT_INTERVAL_MS("30000", "heartbeat interval sent in HELLO"),
    HUB_RESUME_TIMEOUT_MS("60000", "how long a dropped session can be resumed"),
    HUB_AUDIO_RESUME_TIMEOUT_MS("5000", "how long a dropped audio worker session can be resumed (at most HUB_RESUME_TIMEOUT_MS): after it, its guilds go to other audio workers"),
    HUB_MAX_PAYLOAD_BYTES("8388608", "payload limit after decompression"),
    HUB_SHARD_COUNT("0", "total shards; 0 means the count sharders report from GET /gateway/bot"),
    HUB_RATE_LIMIT("10000", "payloads per second per connection (bursts of twice that); a client over it is slowed"),
    HUB_RATE_LIMIT_GRACE_MS("30000", "how long a client may stay over HUB_RATE_LIMIT, being slowed, before 4008"),
    HUB_REPLAY_BUFFER("16384", "events kept per session for resume"),
    HUB_REPLAY_BUFFER_BYTES("67108864", "bytes of events kept per session for resume; past it the oldest fall off"),
    HUB_PENDING_LIMIT("100000", "events kept per receiver type while no receiver is connected"),
    HUB_REQUEST_TIMEOUT_MS("30000", "how long a request's nonce is remembered for its REPLY"),
    HUB_IDENTIFY_INTERVAL_MS("5500", "spacing of IDENTIFY grants per bucket (Discord's rule is 5 s; 0.5 s margin for delivery jitter)"),
    HUB_IO_THREADS("0", "Netty event loop threads; 0 means one per core"),
    HUB_TRANSPORT("auto", "socket transport: io_uring, nio, or auto (io_uring where the kernel allows it, else nio)"),
    HUB_CACHE_MEMBER_BUDGET("10000000", "members the Discord cache holds before evicting least recently used ones"),
    HUB_PLAYER_STATES("10000", "guilds whose latest audio player snapshot the hub keeps for failover; past it the least recently used is dropped"),
    HUB_MAX_UNACKED("1000", "window per session: no more `one` events while it has this many unacknowledged (IDENTIFY's maxUnacked may ask for fewer)"),
    HUB_OUTBOUND_BACKLOG("16384", "payloads queued per connection while its socket is not writable; past it one/guild events go elsewhere and anything else closes it with 4011"),
    HUB_OUTBOUND_BACKLOG_BYTES("16777216", "the same bound in bytes"),
    HUB_HANDSHAKE_TIMEOUT_MS("10000", "time a new TCP connection has to complete its first HTTP request or WebSocket upgrade"),
    HUB_IDENTIFY_TIMEOUT_MS("10000", "time an open WebSocket has to IDENTIFY or RESUME before it is closed with 4000"),
    HUB_MAX_CONNECTIONS("10000", "open TCP connections in total; past it new ones get HTTP 503"),
    HUB_MAX_CONNECTIONS_PER_ADDRESS("1000", "open TCP connections per remote IP address; past it new ones get HTTP 429"),
    HUB_DEMO("false", "local demo mode: a fixed demo secret when none is set, bound to 127.0.0.1");

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

    /** The flag for this setting: {@code HUB_RESUME_TIMEOUT_MS} → {@code --resume-timeout-ms}. */
    public String flag() {
        return "--" + name().substring(4).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
