package dev.hubcord.audio.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.audio.voice.CloseAction;
import dev.hubcord.audio.voice.DaveSession;
import dev.hubcord.audio.voice.VoiceConnection;
import dev.hubcord.audio.voice.VoiceEvents;
import dev.hubcord.protocol.client.IncomingEvent;
import io.netty.channel.EventLoopGroup;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE from the hub, and what the voice connections report back. A guild's
 * voice connection is made on the first VOICE_STATE_UPDATE for the bot user in it (the bot's id comes from the hub's
 * IDENTIFIED or BOT_INFO; while unknown, the state update for the channel the worker joined is taken as the bot's).
 */
final class VoiceHandler implements VoiceEvents {

    private static final Logger log = LoggerFactory.getLogger(VoiceHandler.class);

    private final Guilds guilds;
    private final HubOutbox outbox;
    private final EventLoopGroup loops;
    private final boolean tls;
    private final DaveSession.Factory dave;
    private final Supplier<String> botUserId;

    VoiceHandler(Guilds guilds, HubOutbox outbox, EventLoopGroup loops, boolean tls, DaveSession.Factory dave,
            Supplier<String> botUserId) {
        this.guilds = guilds;
        this.outbox = outbox;
        this.loops = loops;
        this.tls = tls;
        this.dave = dave;
        this.botUserId = botUserId;
    }

    void handle(IncomingEvent event) {
        JsonNode d = event.data();
        Guild g = null;
        try {
            g = guilds.get(Long.parseUnsignedLong(d.path("guild_id").asText("")));
        } catch (NumberFormatException e) {
            log.warn("{} without a valid guild_id", event.name());
        }
        if (g == null) {
            event.ack(); // not a guild this worker plays (left already): nothing to do
            return;
        }
        Guild guild = g;
        guild.player.executor().execute(() -> {
            try {
                if (event.name().equals("VOICE_STATE_UPDATE")) {
                    stateUpdate(guild, d);
                } else {
                    serverUpdate(guild, d);
                }
            } finally {
                event.ack();
            }
        });
    }

    private void stateUpdate(Guild g, JsonNode d) {
        String userId = d.path("user_id").asText("");
        String bot = botUserId.get();
        String channel = d.path("channel_id").isTextual() ? d.get("channel_id").asText() : null;
        boolean isBot = bot != null ? bot.equals(userId)
                : channel != null && channel.equals(g.player.channelId());
        if (!isBot || !userId.matches("\\d{1,20}")) {
            return;
        }
        VoiceConnection voice = g.voice;
        if (voice == null) {
            if (channel == null) {
                return;
            }
            voice = new VoiceConnection(g.id, Long.parseUnsignedLong(userId), loops.next(), tls, dave, this);
            guilds.attachVoice(g, voice);
        }
        voice.stateUpdate(d.path("session_id").asText(), channel == null ? 0 : Long.parseUnsignedLong(channel));
        if (g.pendingServer != null) {
            JsonNode pending = g.pendingServer;
            g.pendingServer = null;
            serverUpdate(g, pending);
        }
    }

    private void serverUpdate(Guild g, JsonNode d) {
        VoiceConnection voice = g.voice;
        if (voice == null) {
            // the server update came first: make the connection now, it waits for the session id
            String bot = botUserId.get();
            if (bot == null) {
                log.warn("guild {}: VOICE_SERVER_UPDATE before the bot's id is known; waiting for the state update", g.id);
                g.pendingServer = d;
                return;
            }
            voice = new VoiceConnection(g.id, Long.parseUnsignedLong(bot), loops.next(), tls, dave, this);
            guilds.attachVoice(g, voice);
        }
        JsonNode endpoint = d.path("endpoint");
        voice.serverUpdate(d.path("token").asText(), endpoint.isTextual() ? endpoint.asText() : null);
    }

    @Override
    public void ready(long guildId) {
        Guild g = guilds.get(guildId);
        if (g != null) {
            g.dirty = true;
        }
    }

    @Override
    public void closed(long guildId, int code, String reason, boolean byRemote, CloseAction action) {
        outbox.voiceClosed(guildId, code, reason, byRemote, action);
    }

    @Override
    public void rejoinNeeded(long guildId) {
        Guild g = guilds.get(guildId);
        if (g != null) {
            g.player.executor().execute(() -> {
                if (g.player.channelId() != null) {
                    outbox.voiceStateUpdate(g.id, g.player.channelId(), g.selfMute, g.selfDeaf);
                }
            });
        }
    }
}
