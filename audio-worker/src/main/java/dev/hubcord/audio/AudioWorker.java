package dev.hubcord.audio;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import dev.hubcord.audio.config.AudioConfig;
import dev.hubcord.audio.hub.HubBridge;
import dev.hubcord.audio.e2ee.MlsDaveSession;
import dev.hubcord.audio.player.PlayerManagers;
import dev.hubcord.audio.player.TimedOpusFormat;
import dev.hubcord.audio.send.FrameCounts;
import dev.hubcord.audio.send.FrameSender;
import dev.hubcord.audio.voice.DaveSession;
import dev.hubcord.audio.voice.VoiceState;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.AckMode;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.Identified;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audio worker: the hub connection (type {@code audio}, manual ACKs), lavaplayer, the voice event loops and the
 * sender thread. {@link #close()} leaves the hub with 1000, so the hub hands this worker's guilds, with their held
 * PLAYER_JOINs, to another worker at once.
 */
public final class AudioWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioWorker.class);

    private final AudioPlayerManager manager;
    private final FrameSender sender;
    private final EventLoopGroup voiceLoops;
    private final HubClient hub;
    private final HubBridge bridge;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public AudioWorker(AudioConfig config, DaveSession.Factory dave) {
        this.manager = PlayerManagers.create(config);
        this.sender = new FrameSender();
        this.voiceLoops = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                NioIoHandler.newFactory());
        this.hub = HubClient.create(HubClientOptions.builder(config.hubUrl(), ServiceType.AUDIO, config.hubSecret())
                .name(config.name()).compression(Compression.ZSTD).ackMode(AckMode.MANUAL)
                .statistics(this::statistics).build());
        this.bridge = new HubBridge(hub, config, manager, sender, voiceLoops, dave);
        hub.addErrorListener(e -> log.warn("hub: {}", e.getMessage()));
    }

    public AudioWorker(AudioConfig config) {
        this(config, MlsDaveSession.FACTORY);
    }

    /** Connects; completes with the first IDENTIFIED. */
    public CompletableFuture<Identified> start() {
        return hub.connect().thenApply(identified -> {
            bridge.botInfo(identified.bot());
            return identified;
        });
    }

    /** Heartbeat statistics: players, playingPlayers and Lavalink-style frameStats of the last minute. */
    private Map<String, Object> statistics() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("players", bridge == null ? 0 : bridge.players());
        stats.put("playingPlayers", bridge == null ? 0 : bridge.playingPlayers());
        FrameCounts minute = sender.stats().lastMinute();
        if (minute != null) {
            stats.put("frameStats", Map.of("sent", minute.sent(), "nulled", minute.nulled(), "deficit",
                    minute.deficit()));
        }
        return stats;
    }

    /** Readiness: the hub session is up. */
    public boolean ready() {
        return hub.state() == ConnectionState.CONNECTED;
    }

    /**
     * Puts the worker's meters in {@code registry}: {@code audio_players}, {@code audio_players_playing} and the frame
     * counters since start ({@code audio_frames_expected_total}, {@code _sent_total}, {@code _nulled_total}, {@code
     * _deficit_total}; lost = nulled + deficit), {@code audio_voice_connections{state}} (one series per {@link
     * VoiceState}) and {@code audio_dave_epochs_total}: they read what the worker counts anyway, so they cost nothing
     * until scraped. {@code audio_opus_encode_seconds} (histogram) times each Opus encode ({@link TimedOpusFormat}).
     */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder("audio.players", bridge::players).description("players of this worker").register(registry);
        Gauge.builder("audio.players.playing", bridge::playingPlayers).description("players playing a track")
                .register(registry);
        frames(registry, "expected", "frames that should have gone out (one per 20 ms per playing, connected player)",
                FrameCounts::expected);
        frames(registry, "sent", "audio frames sent", FrameCounts::sent);
        frames(registry, "nulled", "frames a player had not ready (its decoder fell behind)", FrameCounts::nulled);
        frames(registry, "deficit", "frames the sender never got to (it fell behind real time)", FrameCounts::deficit);
        for (VoiceState state : VoiceState.values()) {
            Gauge.builder("audio.voice.connections", bridge, b -> b.voiceConnections(state))
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .description("voice connections of this worker by state").register(registry);
        }
        FunctionCounter.builder("audio.dave.epochs", MlsDaveSession.class, c -> MlsDaveSession.epochChanges())
                .description("changes of a DAVE session's MLS epoch (a member joined or left, a welcome, a reset)")
                .register(registry);
        if (manager.getConfiguration().getOutputFormat() instanceof TimedOpusFormat opus) {
            opus.bind(registry);
        }
    }

    private void frames(MeterRegistry registry, String kind, String help,
            java.util.function.ToLongFunction<FrameCounts> count) {
        FunctionCounter.builder("audio.frames." + kind, sender, x -> count.applyAsLong(x.stats().totals()))
                .description(help).register(registry);
    }

    public FrameSender sender() {
        return sender;
    }

    public int players() {
        return bridge.players();
    }

    /** Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        hub.close();
        bridge.close();
        sender.close();
        manager.shutdown();
        voiceLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
