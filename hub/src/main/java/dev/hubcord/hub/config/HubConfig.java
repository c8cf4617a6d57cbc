package dev.hubcord.hub.config;

import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.settings.SettingLayers;
import java.util.List;
import java.util.Map;

/** The hub's resolved settings. */
public record HubConfig(
        String host,
        int port,
        String secret,
        int heartbeatIntervalMs,
        int resumeTimeoutMs,
        int audioResumeTimeoutMs,
        int maxPayloadBytes,
        int shardCount,
        int rateLimit,
        int rateLimitGraceMs,
        int replayBuffer,
        int pendingLimit,
        int requestTimeoutMs,
        int identifyIntervalMs,
        int ioThreads,
        Transport transport,
        long cacheMemberBudget,
        int playerStates,
        Limits limits,
        boolean demo) {

    /** The secret used in demo mode when none is configured. */
    public static final String DEMO_SECRET = "hubcord-demo-secret";

    /**
     * Resolves the settings from the layers, later layers winning: file, environment, flags. Keys are
     * the {@link Setting} names.
     *
     * @throws ConfigException when a value is malformed or out of range, or no secret is set outside demo mode
     */
    public static HubConfig resolve(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        SettingLayers<Setting> layers = SettingLayers.resolve(Setting.class, Setting::defaultValue,
                ConfigException::new, List.of(file, env, flags));
        Map<Setting, String> values = layers.values();
        boolean demo = layers.bool(Setting.HUB_DEMO);
        String secret = values.get(Setting.HUB_SECRET);
        if (secret.isEmpty()) {
            if (!demo) {
                throw new ConfigException("HUB_SECRET is required (or start in demo mode with --demo / HUB_DEMO=true)");
            }
            secret = DEMO_SECRET;
        }
        boolean hostSet = flags.containsKey("HUB_HOST") || env.containsKey("HUB_HOST") || file.containsKey("HUB_HOST");
        String host = demo && !hostSet ? "127.0.0.1" : values.get(Setting.HUB_HOST);
        if (secret.equals(DEMO_SECRET) && !isLoopback(host)) {
            // the demo secret is public: a hub that takes it must not be reachable from other machines
            throw new ConfigException("HUB_HOST " + host + " is not a loopback address: set HUB_SECRET (not the demo"
                    + " secret) to listen beyond this machine");
        }
        return new HubConfig(
                host,
                layers.integer(Setting.HUB_PORT, 0, 65535),
                secret,
                layers.integer(Setting.HUB_HEARTBEAT_INTERVAL_MS, 100, 3_600_000),
                layers.integer(Setting.HUB_RESUME_TIMEOUT_MS, 0, 86_400_000),
                layers.integer(Setting.HUB_AUDIO_RESUME_TIMEOUT_MS, 0, 86_400_000),
                layers.integer(Setting.HUB_MAX_PAYLOAD_BYTES, 1024, 1 << 30),
                layers.integer(Setting.HUB_SHARD_COUNT, 0, 1_000_000),
                layers.integer(Setting.HUB_RATE_LIMIT, 1, 100_000_000),
                layers.integer(Setting.HUB_RATE_LIMIT_GRACE_MS, 0, 3_600_000),
                layers.integer(Setting.HUB_REPLAY_BUFFER, 16, 10_000_000),
                layers.integer(Setting.HUB_PENDING_LIMIT, 1, 100_000_000),
                layers.integer(Setting.HUB_REQUEST_TIMEOUT_MS, 100, 3_600_000),
                layers.integer(Setting.HUB_IDENTIFY_INTERVAL_MS, 0, 600_000),
                layers.integer(Setting.HUB_IO_THREADS, 0, 1024),
                Transport.parse(values.get(Setting.HUB_TRANSPORT)),
                layers.longInteger(Setting.HUB_CACHE_MEMBER_BUDGET, 0, 10_000_000_000L),
                layers.integer(Setting.HUB_PLAYER_STATES, 1, 10_000_000),
                new Limits(
                        layers.integer(Setting.HUB_MAX_UNACKED, 1, 10_000_000),
                        layers.integer(Setting.HUB_OUTBOUND_BACKLOG, 16, 100_000_000),
                        layers.longInteger(Setting.HUB_OUTBOUND_BACKLOG_BYTES, 65_536, 1L << 40),
                        layers.integer(Setting.HUB_HANDSHAKE_TIMEOUT_MS, 100, 3_600_000),
                        layers.integer(Setting.HUB_IDENTIFY_TIMEOUT_MS, 100, 3_600_000),
                        layers.integer(Setting.HUB_MAX_CONNECTIONS, 1, 10_000_000),
                        layers.integer(Setting.HUB_MAX_CONNECTIONS_PER_ADDRESS, 1, 10_000_000),
                        layers.longInteger(Setting.HUB_REPLAY_BUFFER_BYTES, 1 << 20, 1L << 40)),
                demo);
    }

    /** Defaults with the given secret: handy for tests and embedding. */
    public static HubConfig defaults(String secret) {
        return resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", secret));
    }

    public HubConfig withPort(int newPort) {
        return new HubConfig(host, newPort, secret, heartbeatIntervalMs, resumeTimeoutMs, audioResumeTimeoutMs,
                maxPayloadBytes, shardCount,
                rateLimit, rateLimitGraceMs, replayBuffer, pendingLimit, requestTimeoutMs, identifyIntervalMs, ioThreads, transport,
                cacheMemberBudget, playerStates, limits, demo);
    }

    /** Whether {@code host} names this machine only: a loopback address or {@code localhost}. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.startsWith("127.");
    }

    /**
     * How long a dropped session of this type stays resumable. Audio workers get the shorter
     * {@code HUB_AUDIO_RESUME_TIMEOUT_MS}: their guilds are silent for that long after a crash, while a
     * worker that was only cut off keeps playing and, replaced meanwhile, is told to drop its guilds
     * when it comes back (PLAYER_RELEASED).
     */
    public int resumeTimeoutMs(ServiceType type) {
        return type == ServiceType.AUDIO ? Math.min(resumeTimeoutMs, audioResumeTimeoutMs) : resumeTimeoutMs;
    }

    @Override
    public String toString() {
        return "HubConfig[host=" + host + ", port=" + port + ", secret=<hidden>, heartbeatIntervalMs="
                + heartbeatIntervalMs + ", resumeTimeoutMs=" + resumeTimeoutMs + ", audioResumeTimeoutMs="
                + audioResumeTimeoutMs + ", maxPayloadBytes=" + maxPayloadBytes + ", shardCount=" + shardCount
                + ", rateLimit=" + rateLimit + ", replayBuffer=" + replayBuffer + ", pendingLimit=" + pendingLimit
                + ", cacheMemberBudget=" + cacheMemberBudget + ", playerStates=" + playerStates + ", " + limits + ", demo=" + demo + "]";
    }
}
