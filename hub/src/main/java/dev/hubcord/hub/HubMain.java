package dev.hubcord.hub;

import dev.hubcord.hub.config.ConfigException;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.config.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar hub.jar}: reads the settings from {@code --config FILE} (or {@code HUB_CONFIG}),
 * the environment and the flags, starts the hub, and on SIGTERM closes every client with 1001.
 */
@Command(name = "hub", mixinStandardHelpOptions = true, version = "hubcord hub 0.1.0",
        description = "The hubcord hub: WebSocket routing for Discord bot services, REST, health and metrics on one port.",
        footer = {"", "Every flag can also be set as an environment variable (HUB_PORT, HUB_SECRET, ...) or as the same",
                "key in the --config properties file. Flags win over the environment, which wins over the file."})
public final class HubMain implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(HubMain.class);

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with HUB_* keys (default: $HUB_CONFIG)")
    Path configFile;

    @Option(names = "--demo", description = "local demo mode: a fixed demo secret unless one is set, bound to 127.0.0.1")
    boolean demo;

    @Option(names = "--host", description = "address to bind (default 0.0.0.0)") String host;
    @Option(names = "--port", description = "port for WebSocket, REST, health and metrics (default 3282)") String port;
    @Option(names = "--secret", description = "shared secret (prefer HUB_SECRET: flags show in ps)") String secret;
    @Option(names = "--heartbeat-interval-ms", description = "heartbeat interval sent in HELLO (default 30000)") String heartbeatIntervalMs;
    @Option(names = "--resume-timeout-ms", description = "how long a dropped session can be resumed (default 60000)") String resumeTimeoutMs;
    @Option(names = "--audio-resume-timeout-ms", description = "how long a dropped audio worker session can be resumed before its guilds move (default 5000)") String audioResumeTimeoutMs;
    @Option(names = "--max-payload-bytes", description = "payload limit after decompression (default 8388608)") String maxPayloadBytes;
    @Option(names = "--shard-count", description = "total shards; 0 = as reported by sharders (default 0)") String shardCount;
    @Option(names = "--rate-limit", description = "payloads per second per connection (default 10000)") String rateLimit;
    @Option(names = "--rate-limit-grace-ms", description = "time over the rate, being slowed, before 4008 (default 30000)") String rateLimitGraceMs;
    @Option(names = "--replay-buffer", description = "events kept per session for resume (default 16384)") String replayBuffer;
    @Option(names = "--pending-limit", description = "events kept per receiver type with nobody connected (default 100000)") String pendingLimit;
    @Option(names = "--request-timeout-ms", description = "how long a request nonce waits for its REPLY (default 30000)") String requestTimeoutMs;
    @Option(names = "--identify-interval-ms", description = "IDENTIFY grant spacing per bucket (default 5000)") String identifyIntervalMs;
    @Option(names = "--io-threads", description = "event loop threads; 0 = one per core (default 0)") String ioThreads;
    @Option(names = "--transport", description = "socket transport: auto, io_uring or nio (default auto)") String transport;
    @Option(names = "--player-states", description = "guilds whose player snapshot is kept for audio failover (default 10000)") String playerStates;
    @Option(names = "--cache-member-budget", description = "members the Discord cache holds before evicting (default 10000000)") String cacheMemberBudget;
    @Option(names = "--replay-buffer-bytes", description = "bytes of events kept per session for resume (default 67108864)") String replayBufferBytes;
    @Option(names = "--max-unacked", description = "window of unacknowledged one events per session (default 1000)") String maxUnacked;
    @Option(names = "--outbound-backlog", description = "payloads queued per unwritable connection before 4011 (default 16384)") String outboundBacklog;
    @Option(names = "--outbound-backlog-bytes", description = "the same bound in bytes (default 16777216)") String outboundBacklogBytes;
    @Option(names = "--handshake-timeout-ms", description = "time to complete the first HTTP request or upgrade (default 10000)") String handshakeTimeoutMs;
    @Option(names = "--identify-timeout-ms", description = "time to IDENTIFY or RESUME before 4000 (default 10000)") String identifyTimeoutMs;
    @Option(names = "--max-connections", description = "open TCP connections in total (default 10000)") String maxConnections;
    @Option(names = "--max-connections-per-address", description = "open TCP connections per IP address (default 1000)") String maxConnectionsPerAddress;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HubMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        HubConfig config;
        try {
            config = HubConfig.resolve(readFile(), System.getenv(), flags());
        } catch (ConfigException e) {
            System.err.println("hub: " + e.getMessage());
            return 2;
        }
        if (config.demo()) {
            log.warn("demo mode: bound to {}{}", config.host(), config.secret().equals(HubConfig.DEMO_SECRET)
                    ? " with the demo secret (set HUB_SECRET for a real one)" : "");
        }
        HubServer server;
        try {
            server = HubServer.start(config);
        } catch (Exception e) {
            System.err.println("hub: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down: closing clients with 1001");
            server.close();
            stopped.countDown();
        }, "hub-shutdown"));
        stopped.await();
        return 0;
    }

    private Map<String, String> readFile() throws IOException {
        Path file = configFile;
        if (file == null && System.getenv("HUB_CONFIG") != null) {
            file = Path.of(System.getenv("HUB_CONFIG"));
        }
        Map<String, String> values = new HashMap<>();
        if (file == null) {
            return values;
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("config file " + file + " cannot be read");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            try {
                Setting.valueOf(key);
            } catch (IllegalArgumentException e) {
                log.warn("config file {}: unknown key {} ignored", file, key);
                continue;
            }
            values.put(key, properties.getProperty(key));
        }
        return values;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        put(flags, Setting.HUB_HOST, host);
        put(flags, Setting.HUB_PORT, port);
        put(flags, Setting.HUB_SECRET, secret);
        put(flags, Setting.HUB_HEARTBEAT_INTERVAL_MS, heartbeatIntervalMs);
        put(flags, Setting.HUB_RESUME_TIMEOUT_MS, resumeTimeoutMs);
        put(flags, Setting.HUB_AUDIO_RESUME_TIMEOUT_MS, audioResumeTimeoutMs);
        put(flags, Setting.HUB_MAX_PAYLOAD_BYTES, maxPayloadBytes);
        put(flags, Setting.HUB_SHARD_COUNT, shardCount);
        put(flags, Setting.HUB_RATE_LIMIT, rateLimit);
        put(flags, Setting.HUB_RATE_LIMIT_GRACE_MS, rateLimitGraceMs);
        put(flags, Setting.HUB_REPLAY_BUFFER, replayBuffer);
        put(flags, Setting.HUB_PENDING_LIMIT, pendingLimit);
        put(flags, Setting.HUB_REQUEST_TIMEOUT_MS, requestTimeoutMs);
        put(flags, Setting.HUB_IDENTIFY_INTERVAL_MS, identifyIntervalMs);
        put(flags, Setting.HUB_IO_THREADS, ioThreads);
        put(flags, Setting.HUB_TRANSPORT, transport);
        put(flags, Setting.HUB_CACHE_MEMBER_BUDGET, cacheMemberBudget);
        put(flags, Setting.HUB_PLAYER_STATES, playerStates);
        put(flags, Setting.HUB_REPLAY_BUFFER_BYTES, replayBufferBytes);
        put(flags, Setting.HUB_MAX_UNACKED, maxUnacked);
        put(flags, Setting.HUB_OUTBOUND_BACKLOG, outboundBacklog);
        put(flags, Setting.HUB_OUTBOUND_BACKLOG_BYTES, outboundBacklogBytes);
        put(flags, Setting.HUB_HANDSHAKE_TIMEOUT_MS, handshakeTimeoutMs);
        put(flags, Setting.HUB_IDENTIFY_TIMEOUT_MS, identifyTimeoutMs);
        put(flags, Setting.HUB_MAX_CONNECTIONS, maxConnections);
        put(flags, Setting.HUB_MAX_CONNECTIONS_PER_ADDRESS, maxConnectionsPerAddress);
        if (demo) {
            flags.put(Setting.HUB_DEMO.name(), "true");
        }
        return flags;
    }

    private static void put(Map<String, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting.name(), value);
        }
    }
}
