package dev.hubcord.audio.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import dev.hubcord.audio.player.GuildPlayer;
import dev.hubcord.audio.player.PlayerEvents;
import dev.hubcord.audio.player.QueuedTrack;
import dev.hubcord.audio.player.TrackLoader;
import dev.hubcord.audio.voice.CloseAction;
import dev.hubcord.audio.voice.VoiceConnection;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import java.util.function.LongFunction;

/** Builds and sends the worker's events to the hub, in Lavalink's shapes plus the {@code player} snapshot. */
final class HubOutbox implements PlayerEvents {

    private final HubClient hub;
    private final LongFunction<Guild> guilds;

    HubOutbox(HubClient hub, LongFunction<Guild> guilds) {
        this.hub = hub;
        this.guilds = guilds;
    }

    private ObjectNode base(long guildId) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("guildID", Long.toUnsignedString(guildId));
        Guild g = guilds.apply(guildId);
        if (g != null && g.textChannelId != null) {
            d.put("textChannelID", g.textChannelId);
        }
        return d;
    }

    private ObjectNode withTrack(GuildPlayer p, QueuedTrack t) {
        ObjectNode d = base(p.guildId());
        d.set("track", p.codec().toJson(t.track(), t.encoded()));
        return d;
    }

    @Override
    public void trackStart(GuildPlayer p, QueuedTrack t) {
        ObjectNode d = withTrack(p, t);
        withPlayer(d, p);
        hub.send("TRACK_START", d);
    }

    @Override
    public void trackEnd(GuildPlayer p, QueuedTrack t, String reason) {
        ObjectNode d = withTrack(p, t);
        d.put("reason", reason);
        withPlayer(d, p);
        hub.send("TRACK_END", d);
    }

    /**
     * Adds the snapshot, unless the guild was left: destroying a player ends its track ({@code cleanup}) after the
     * worker said {@code player: null}, and a snapshot then would bring the guild back to life in the hub.
     */
    private void withPlayer(ObjectNode d, GuildPlayer p) {
        Guild g = guilds.apply(p.guildId());
        if (g != null && g.player == p) {
            d.set("player", p.snapshot().toJson());
        }
    }

    @Override
    public void trackException(GuildPlayer p, QueuedTrack t, FriendlyException e) {
        ObjectNode d = withTrack(p, t);
        d.set("exception", TrackLoader.exception(e.getMessage(), e.severity, e.getCause()));
        hub.send("TRACK_EXCEPTION", d);
    }

    @Override
    public void trackStuck(GuildPlayer p, QueuedTrack t, long thresholdMs) {
        ObjectNode d = withTrack(p, t);
        d.put("thresholdMs", thresholdMs);
        hub.send("TRACK_STUCK", d);
    }

    @Override
    public void stateChanged(GuildPlayer p) {
        Guild g = guilds.apply(p.guildId());
        if (g != null) {
            g.dirty = true; // the updater publishes it within half a second
        }
    }

    /**
     * PLAYER_UPDATE: Lavalink's {@code state} plus the snapshot. Call on the guild's executor. Nothing for a guild
     * already left: its last word was {@link #playerDestroyed}, and a later snapshot would bring it back to life in
     * the hub's register.
     */
    void playerUpdate(Guild g) {
        if (guilds.apply(g.id) != g) {
            return;
        }
        ObjectNode d = base(g.id);
        ObjectNode state = d.putObject("state");
        VoiceConnection voice = g.voice;
        state.put("time", System.currentTimeMillis());
        state.put("position", g.player.position());
        state.put("connected", voice != null && voice.isReady());
        state.put("ping", voice == null ? -1 : voice.ping());
        d.set("player", g.player.snapshot().toJson());
        g.dirty = false;
        g.lastUpdate = System.currentTimeMillis();
        hub.send("PLAYER_UPDATE", d);
    }

    /** PLAYER_UPDATE with {@code player: null}: the guild's player is destroyed, so the hub forgets its state. */
    void playerDestroyed(long guildId) {
        ObjectNode d = base(guildId);
        ObjectNode state = d.putObject("state");
        state.put("time", System.currentTimeMillis());
        state.put("position", 0);
        state.put("connected", false);
        state.put("ping", -1);
        d.putNull("player");
        hub.send("PLAYER_UPDATE", d);
    }

    void voiceClosed(long guildId, int code, String reason, boolean byRemote, CloseAction action) {
        ObjectNode d = base(guildId);
        d.put("code", code);
        d.put("reason", reason);
        d.put("byRemote", byRemote);
        d.put("action", action.wireName());
        hub.send("VOICE_CLOSED", d);
    }

    /** GATEWAY_SEND op 4: join {@code channelId}, or leave with {@code null}. */
    void voiceStateUpdate(long guildId, String channelId, boolean selfMute, boolean selfDeaf) {
        ObjectNode op4 = Json.mapper().createObjectNode();
        op4.put("guild_id", Long.toUnsignedString(guildId));
        op4.put("channel_id", channelId);
        op4.put("self_mute", selfMute);
        op4.put("self_deaf", selfDeaf);
        ObjectNode d = base(guildId);
        d.put("op", 4);
        d.set("d", op4);
        hub.send("GATEWAY_SEND", d);
    }
}
