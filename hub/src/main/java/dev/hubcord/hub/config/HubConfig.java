package dev.hubcord.hub.config;

import dev.hubcord.protocol.ServiceType;
import dev.hubcord.service.settings.Layer;
import dev.hubcord.service.settings.SettingException;
import dev.hubcord.service.settings.Settings;
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
        Settings<Setting> settings;
        try {
            settings = Settings.resolve(Setting.class, List.of(new Layer("--config", file), new Layer("environment", env),
                    new Layer("flags", flags)));
        } catch (SettingException e) {
            throw new ConfigException(e.getMessage());
        }
        return from(settings);
    }

    /**
     * The config of validated settings, checking the rules between them.
     *
     * @throws ConfigException when no secret is set outside demo mode, or the demo secret on a non-loopback address
     */
    public static HubConfig from(Settings<Setting> s) {
        boolean demo = s.bool(Setting.HUB_DEMO);
        String secret = s.text(Setting.HUB_SECRET);
        if (secret.isEmpty()) {
            if (!demo) {
                throw new ConfigException("HUB_SECRET is required (or start in demo mode with --demo / HUB_DEMO=true)");
            }
            secret = DEMO_SECRET;
        }
        String host = demo && !s.isSet(Setting.HUB_HOST) ? "127.0.0.1" : s.text(Setting.HUB_HOST);
        if (secret.equals(DEMO_SECRET) && !isLoopback(host)) {
            // the demo secret is public: a hub that takes it must not be reachable from other machines
            throw new ConfigException("HUB_HOST " + host + " is not a loopback address: set HUB_SECRET (not the demo"
                    + " secret) to listen beyond this machine");
        }
        return new HubConfig(
                host,
                s.integer(Setting.HUB_PORT),
                secret,
                s.integer(Setting.HUB_HEARTBEAT_INTERVAL_MS),
                s.integer(Setting.HUB_RESUME_TIMEOUT_MS),
                s.integer(Setting.HUB_AUDIO_RESUME_TIMEOUT_MS),
                s.integer(Setting.HUB_MAX_PAYLOAD_BYTES),
                s.integer(Setting.HUB_SHARD_COUNT),
                s.integer(Setting.HUB_RATE_LIMIT),
                s.integer(Setting.HUB_RATE_LIMIT_GRACE_MS),
                s.integer(Setting.HUB_REPLAY_BUFFER),
                s.integer(Setting.HUB_PENDING_LIMIT),
                s.integer(Setting.HUB_REQUEST_TIMEOUT_MS),
                s.integer(Setting.HUB_IDENTIFY_INTERVAL_MS),
                s.integer(Setting.HUB_IO_THREADS),
                Transport.parse(s.text(Setting.HUB_TRANSPORT)),
                s.whole(Setting.HUB_CACHE_MEMBER_BUDGET),
                s.integer(Setting.HUB_PLAYER_STATES),
                new Limits(
                        s.integer(Setting.HUB_MAX_UNACKED),
                        s.integer(Setting.HUB_OUTBOUND_BACKLOG),
                        s.whole(Setting.HUB_OUTBOUND_BACKLOG_BYTES),
                        s.integer(Setting.HUB_HANDSHAKE_TIMEOUT_MS),
                        s.integer(Setting.HUB_IDENTIFY_TIMEOUT_MS),
                        s.integer(Setting.HUB_MAX_CONNECTIONS),
                        s.integer(Setting.HUB_MAX_CONNECTIONS_PER_ADDRESS),
                        s.whole(Setting.HUB_REPLAY_BUFFER_BYTES)),
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
