package dev.hubcord.audio.hub;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import dev.hubcord.audio.player.GuildPlayer;
import dev.hubcord.audio.player.PlayerEvents;
import dev.hubcord.audio.player.TrackCodec;
import dev.hubcord.audio.send.FrameSender;
import dev.hubcord.audio.voice.VoiceConnection;
import java.util.Collection;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** The guilds this worker plays, with their players and voice connections. */
final class Guilds {

    private final Map<Long, Guild> guilds = new ConcurrentHashMap<>();
    private final AudioPlayerManager manager;
    private final TrackCodec codec;
    private final FrameSender sender;
    private final Random random = new Random();
    private final int crossfadeMs;
    private PlayerEvents events;

    /** @param crossfadeMs a new guild's crossfade ({@code AUDIO_CROSSFADE_MS}) */
    Guilds(AudioPlayerManager manager, TrackCodec codec, FrameSender sender, int crossfadeMs) {
        this.manager = manager;
        this.crossfadeMs = crossfadeMs;
        this.codec = codec;
        this.sender = sender;
    }

    void events(PlayerEvents value) {
        this.events = value;
    }

    Guild get(long guildId) {
        return guilds.get(guildId);
    }

    /** The guild, created with a fresh player if new ({@code created[0]} tells which). */
    Guild getOrCreate(long guildId, boolean[] created) {
        return guilds.computeIfAbsent(guildId, id -> {
            created[0] = true;
            return new Guild(id, new GuildPlayer(id, manager.createPlayer(), manager.createPlayer(),
                    manager.getConfiguration().getOpusEncodingQuality(), crossfadeMs, codec, events, random));
        });
    }

    /** Attaches the voice connection and starts sending the guild's frames over it. */
    void attachVoice(Guild g, VoiceConnection voice) {
        g.voice = voice;
        sender.register(g.id, g.player, voice);
    }

    /** Forgets the guild: stops sending, closes voice, destroys the player. */
    void remove(Guild g) {
        guilds.remove(g.id, g);
        sender.unregister(g.id);
        VoiceConnection v = g.voice;
        if (v != null) {
            v.destroy();
        }
        g.player.destroy();
    }

    Collection<Guild> all() {
        return guilds.values();
    }

    int size() {
        return guilds.size();
    }
}
