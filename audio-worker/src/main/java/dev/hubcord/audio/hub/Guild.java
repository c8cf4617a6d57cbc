package dev.hubcord.audio.hub;

import dev.hubcord.audio.player.GuildPlayer;
import dev.hubcord.audio.voice.VoiceConnection;

/**
 * What the worker holds for one guild. Fields are touched on the guild's executor, except {@link #voice}, which the
 * hub thread may read.
 */
final class Guild {

    final long id;
    final GuildPlayer player;
    volatile VoiceConnection voice;
    boolean selfDeaf = true;
    boolean selfMute;
    /** A VOICE_SERVER_UPDATE that arrived before the connection could be made. */
    com.fasterxml.jackson.databind.JsonNode pendingServer;
    volatile boolean dirty;
    volatile long lastUpdate;
    /**
     * The text channel the last player command came from ({@code d.textChannelID}), echoed in every
     * event so that any commands worker can announce in the channel the music was started from.
     */
    volatile String textChannelId;

    Guild(long id, GuildPlayer player) {
        this.id = id;
        this.player = player;
    }
}
