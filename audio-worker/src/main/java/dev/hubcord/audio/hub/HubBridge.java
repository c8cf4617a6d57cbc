package dev.hubcord.audio.hub;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import dev.hubcord.audio.config.AudioConfig;
import dev.hubcord.audio.player.TrackCodec;
import dev.hubcord.audio.player.TrackLoader;
import dev.hubcord.audio.send.FrameSender;
import dev.hubcord.audio.voice.DaveSession;
import dev.hubcord.protocol.client.BotInfo;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.IncomingEvent;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the hub client to guilds, players and voice: registers the event listeners, publishes PLAYER_UPDATE at most
 * {@code AUDIO_PLAYER_UPDATE_MS} apart while connected (and within half a second of any change), one for every guild
 * on each new hub session (the claim), and answers LOAD_TRACKS.
 */
public final class HubBridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubBridge.class);

    private static final String[] COMMANDS = {"PLAYER_JOIN", "PLAYER_LEAVE", "PLAYER_PLAY", "PLAYER_STOP",
        "PLAYER_PAUSE", "PLAYER_SEEK", "PLAYER_VOLUME", "PLAYER_SKIP", "PLAYER_QUEUE", "PLAYER_FILTERS"};

    private final HubClient hub;
    private final Guilds guilds;
    private final HubOutbox outbox;
    private final TrackLoader loader;
    private final ScheduledExecutorService updater;
    private final int updateMs;
    private volatile String botUserId;

    public HubBridge(HubClient hub, AudioConfig config, AudioPlayerManager manager, FrameSender sender,
            EventLoopGroup loops, DaveSession.Factory dave) {
        this.hub = hub;
        TrackCodec codec = new TrackCodec(manager);
        this.guilds = new Guilds(manager, codec, sender, config.crossfadeMs());
        this.outbox = new HubOutbox(hub, guilds::get);
        guilds.events(outbox);
        this.loader = new TrackLoader(manager, codec);
        this.updateMs = config.playerUpdateMs();
        Recovery recovery = new Recovery(hub, Duration.ofMillis(config.recoveryTimeoutMs()));
        CommandHandler commands = new CommandHandler(hub, guilds, loader, outbox, recovery);
        VoiceHandler voice = new VoiceHandler(guilds, outbox, loops, config.voiceTls(), dave, () -> botUserId);
        for (String name : COMMANDS) {
            hub.addEventListener(name, commands::handle);
        }
        hub.addEventListener("VOICE_STATE_UPDATE", voice::handle);
        hub.addEventListener("VOICE_SERVER_UPDATE", voice::handle);
        hub.addEventListener("LOAD_TRACKS", this::loadTracks);
        hub.addEventListener("PLAYER_RELEASED", this::released);
        hub.addEventListener("BOT_INFO", e -> botUserId = e.data().path("userID").asText(null));
        hub.addEventListener("IDENTIFIED", e -> {
            String id = e.data().path("bot").path("userID").asText(null);
            if (id != null) {
                botUserId = id;
            }
            claimGuilds();
        });
        updater = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("player-updates").factory());
        updater.scheduleAtFixedRate(this::publishUpdates, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Takes the bot's id from the first IDENTIFIED, when the client was connected before listeners saw it. */
    public void botInfo(BotInfo bot) {
        if (bot != null && bot.userId() != null) {
            botUserId = bot.userId();
        }
    }

    /**
     * The hub gave a guild this worker reported to another worker, which is in its voice channel (e.g. after this
     * worker was cut off long enough to be replaced): drop the player and the voice connection here, without a
     * GATEWAY_SEND, since the bot's voice state is the other worker's now.
     */
    private void released(IncomingEvent event) {
        String id = event.data().path("guildID").asText("");
        Guild g;
        try {
            g = guilds.get(Long.parseUnsignedLong(id));
        } catch (NumberFormatException e) {
            log.warn("PLAYER_RELEASED without a valid guildID: {}", event.data());
            return;
        }
        if (g != null) {
            g.player.executor().execute(() -> {
                guilds.remove(g);
                log.info("guild {}: another audio worker plays it now; dropped here", id);
            });
        }
    }

    private void loadTracks(IncomingEvent event) {
        String identifier = event.data().path("identifier").asText(null);
        Thread.ofVirtual().name("load-tracks").start(() -> {
            try {
                if (event.nonce() != null) {
                    hub.reply(event, loader.load(identifier));
                }
            } finally {
                event.ack();
            }
        });
    }

    /**
     * A new hub session (first start, or the hub restarted and lost ours): a snapshot of every guild this worker
     * plays, at once. The hub takes each as this worker's claim on the guild and refills its register from them.
     */
    private void claimGuilds() {
        for (Guild g : guilds.all()) {
            g.player.executor().execute(() -> outbox.playerUpdate(g));
        }
    }

    private void publishUpdates() {
        long now = System.currentTimeMillis();
        for (Guild g : guilds.all()) {
            boolean connected = g.voice != null && g.voice.isReady();
            // this runs every 500 ms: publishing once updateMs - 500 have passed keeps snapshots at most updateMs apart
            if (g.dirty || (connected && now - g.lastUpdate >= updateMs - 500)) {
                g.dirty = false;
                g.player.executor().execute(() -> outbox.playerUpdate(g));
            }
        }
    }

    public int players() {
        return guilds.size();
    }

    /** Voice connections in {@code state}; counted when asked (a scrape), from the connections' volatile fields. */
    public int voiceConnections(dev.hubcord.audio.voice.VoiceState state) {
        int n = 0;
        for (Guild g : guilds.all()) {
            dev.hubcord.audio.voice.VoiceConnection v = g.voice;
            if (v != null && v.state() == state) {
                n++;
            }
        }
        return n;
    }

    public int playingPlayers() {
        int n = 0;
        for (Guild g : guilds.all()) {
            if (g.player.expectsFrames()) {
                n++;
            }
        }
        return n;
    }

    /** Stops publishing and closes every voice connection (the hub session is closed by the caller). */
    @Override
    public void close() {
        updater.shutdownNow();
        for (Guild g : guilds.all()) {
            if (g.voice != null) {
                g.voice.destroy();
            }
        }
    }
}
