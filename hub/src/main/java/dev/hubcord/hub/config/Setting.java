package dev.hubcord.hub.config;

import dev.hubcord.service.settings.Decl;
import dev.hubcord.service.settings.SettingKey;
import java.util.List;

/**
 * Every hub setting, declared once: the name is the environment variable and properties key, the flag is the name
 * without {@code HUB_} in kebab case; the README table is generated from this list (HubSettingsReadmeTest).
 */
public enum Setting implements SettingKey {
    HUB_PORT(Decl.port(3282), "the one port for WebSocket, REST, health and metrics"),
    HUB_HOST(Decl.text("0.0.0.0"), "address to bind (127.0.0.1 in demo mode); with the demo secret the hub refuses to start on anything but a loopback address"),
    HUB_SECRET(Decl.secretText(), "shared secret; the hub refuses to start without one unless in demo mode"),
    HUB_DEMO(Decl.bool(false), "local demo mode: a fixed demo secret when none is set, bound to 127.0.0.1"),
    HUB_HEARTBEAT_INTERVAL_MS(Decl.millis(30_000, 100, 3_600_000), "heartbeat interval sent in HELLO"),
    HUB_RESUME_TIMEOUT_MS(Decl.millis(60_000, 0, 86_400_000), "how long a dropped session can be resumed"),
    HUB_AUDIO_RESUME_TIMEOUT_MS(Decl.millis(5000, 0, 86_400_000), "the same for audio workers (at most `HUB_RESUME_TIMEOUT_MS`): after it their guilds move to other audio workers, so it is the failover delay; a worker that was only cut off plays on meanwhile and is told to drop guilds it lost (`PLAYER_RELEASED`)"),
    HUB_MAX_PAYLOAD_BYTES(Decl.bytes(8_388_608, 1024, 1 << 30), "payload limit, after decompression"),
    HUB_SHARD_COUNT(Decl.whole(0, 0, 1_000_000), "total shards; 0 = what sharders report from `GET /gateway/bot`"),
    HUB_RATE_LIMIT(Decl.whole(10_000, 1, 100_000_000), "payloads per second per connection (bursts of twice that); a client over it is slowed"),
    HUB_RATE_LIMIT_GRACE_MS(Decl.millis(30_000, 0, 3_600_000), "how long a client may stay over the rate before 4008"),
    HUB_CACHE_MEMBER_BUDGET(Decl.whole(10_000_000, 0, 10_000_000_000L), "members the Discord cache holds before evicting the least recently used"),
    HUB_REPLAY_BUFFER(Decl.whole(16_384, 16, 10_000_000), "events kept per session for resume"),
    HUB_REPLAY_BUFFER_BYTES(Decl.bytes(67_108_864, 1 << 20, 1L << 40), "the same bound in bytes (64 MiB): past it the oldest fall off, so a client that neither reads nor acknowledges costs at most this much (and its backlog)"),
    HUB_PENDING_LIMIT(Decl.whole(100_000, 1, 100_000_000), "events kept per service type while none can take them; past three quarters the hub stops reading from the clients whose events wait, until under half"),
    HUB_MAX_UNACKED(Decl.whole(1000, 1, 10_000_000), "window per session: no more `one` events while it has this many unacknowledged (IDENTIFY's `maxUnacked` may ask for fewer)"),
    HUB_OUTBOUND_BACKLOG(Decl.whole(16_384, 16, 100_000_000), "payloads queued per connection while its socket is not writable; past it `one`/`guild` events go elsewhere or wait, anything else closes the connection with 4011 (slow consumer, resumable)"),
    HUB_OUTBOUND_BACKLOG_BYTES(Decl.bytes(16_777_216, 65_536, 1L << 40), "the same bound in bytes"),
    HUB_HANDSHAKE_TIMEOUT_MS(Decl.millis(10_000, 100, 3_600_000), "time a new TCP connection has to complete its first HTTP request (the WebSocket upgrade, or a REST call); then it is closed"),
    HUB_IDENTIFY_TIMEOUT_MS(Decl.millis(10_000, 100, 3_600_000), "time an open WebSocket has to IDENTIFY or RESUME; then it is closed with 4000"),
    HUB_MAX_CONNECTIONS(Decl.whole(10_000, 1, 10_000_000), "open TCP connections in total; past it a new one's request is answered with HTTP 503 and it is closed"),
    HUB_MAX_CONNECTIONS_PER_ADDRESS(Decl.whole(1000, 1, 10_000_000), "open TCP connections per remote IP address; past it HTTP 429"),
    HUB_PLAYER_STATES(Decl.whole(10_000, 1, 10_000_000), "guilds whose latest audio player snapshot the hub keeps for failover (one per guild with an audio owner, a few KB each plus the queue); past it the least recently used is dropped, logged and counted in `hub_player_states_evicted_total`"),
    HUB_REQUEST_TIMEOUT_MS(Decl.millis(30_000, 100, 3_600_000), "how long a request's nonce waits for its REPLY"),
    HUB_IDENTIFY_INTERVAL_MS(Decl.millis(5500, 0, 600_000), "IDENTIFY grant spacing per bucket: Discord's rule is 5 s, plus 0.5 s so that two grants delivered to different sharders with different delays still reach Discord 5 s apart"),
    HUB_IO_THREADS(Decl.whole(0, 0, 1024), "Netty event loop threads; 0 = one per core"),
    HUB_TRANSPORT(Decl.oneOf("auto", "auto", "io_uring", "nio"), "socket transport: `io_uring` (Linux 5.14+, x86-64/aarch64; ~30 % more REST throughput here), `nio`, or `auto` = io_uring where the kernel and the container's seccomp profile allow it (Docker's default profile forbids it), else nio");

    /** Removed from the names to make the flags. */
    public static final List<String> FLAG_PREFIXES = List.of("HUB_");

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

    /** The flag for this setting: {@code HUB_RESUME_TIMEOUT_MS} → {@code --resume-timeout-ms}. */
    public String flag() {
        return flag(FLAG_PREFIXES);
    }
}
